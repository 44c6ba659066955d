import Foundation
import Site
import Testing

/// The guide's own figures: each platform page shows a diagram made for it, in its language, with alt text.
@Suite struct GuideFiguresTests {
    @Test func everyPlatformPageShowsItsOwnLocalizedDiagram() throws {
        let options = BuildOptions(
            contentDirectory: Fixtures.root.appendingPathComponent("content").path,
            templatesDirectory: Fixtures.root.appendingPathComponent("templates").path, now: Fixtures.now)
        let site = try Guidepost.buildInMemory(options)
        #expect((site.audit.map { $0.problems } ?? []).filter { $0.description.contains("image not localized") }.isEmpty)
        let pages = site.reports.filter { ["facebook.md", "instagram.md", "whatsapp.md"].contains($0.relativePath) }
        #expect(pages.count == 9)
        for report in pages {
            let name = report.relativePath == "whatsapp.md" ? "what-you-can-do.svg" : "settings-path.svg"
            let svg = try String(
                contentsOf: Fixtures.root.appendingPathComponent("content/\(report.language)/\(report.relativePath.dropLast(3))/\(name)"),
                encoding: .utf8)
            #expect(svg.contains("<title>"), "\(report.language)/\(report.relativePath)")
            let page = site.files.first {
                $0.path.hasPrefix(report.language + "/") && $0.path.hasSuffix("/index.html")
                    && String(decoding: $0.bytes, as: UTF8.self).contains("<img src=\"\(name)\" alt=\"")
                    && $0.path.contains(report.relativePath.dropLast(3).prefix(4))
            }
            #expect(page != nil, "\(report.language)/\(report.relativePath) shows \(name)")
            if let page {
                #expect(site.files.contains { $0.path == page.path.replacingOccurrences(of: "index.html", with: name) })
            }
        }
    }
}
