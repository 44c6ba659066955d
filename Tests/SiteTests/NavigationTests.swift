import Foundation
import Testing

@testable import Site

/// Navigation's automatic menu stays small on a site with many flat pages (issue 17; the 3 × 3,000
/// benchmark site showed a menu of every page on every page, quadratic output).
@Suite struct NavigationTests {
    @Test func manyTopLevelPagesLeaveOnlySectionsInTheAutomaticMenu() throws {
        let work = try Fixtures.temporaryDirectory()
        let content = work.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("basic/content"), to: content)
        let options = BuildOptions(
            contentDirectory: content.path, templatesDirectory: Fixtures.root.appendingPathComponent("templates").path, now: Fixtures.now)
        func menuLinks() throws -> Int {
            let site = try Guidepost.buildInMemory(options)
            let home = String(decoding: try #require(site.files.first { $0.path == "fr/index.html" }).bytes, as: UTF8.self)
            let menu = try #require(home.range(of: "<ul class=\"menu-wide\">").map { home[$0.upperBound...] })
            return menu[..<menu.range(of: "</ul>")!.lowerBound].components(separatedBy: "<li>").count - 1
        }
        let before = try menuLinks()
        for index in 1...21 {
            try "{\"title\": \"Page \(index)\"}\n\nTexte.\n".write(
                to: content.appendingPathComponent("fr/page-\(index).md"), atomically: true, encoding: .utf8)
        }
        #expect(before >= 1)
        #expect(try menuLinks() == 1, "only the section remains")
    }
    /// Folders are cut at the last slash byte, as `Router` splits paths: non-ASCII names, and a slash that a
    /// combining mark follows (one character with it, so `lastIndex(of: "/")` on the string missed it).
    @Test func foldersAreCutAtTheLastSlash() {
        #expect(Navigation.parent(of: "a/b/c") == "a/b")
        #expect(Navigation.parent(of: "a") == "")
        #expect(Navigation.parent(of: "été/x") == "été")
        #expect(Navigation.parent(of: "a/\u{301}b") == "a")
        func entry(_ relativePath: String) -> Navigation.Entry {
            Navigation.Entry(relativePath: relativePath, path: "", title: "", description: nil, weight: 0, campaign: nil, isFallback: false)
        }
        #expect(entry("été/index.md").folder == "été")
        #expect(entry("a.md").folder == "")
        #expect(entry("a/\u{301}b/c.md").folder == "a/\u{301}b")
    }
}
