import Foundation
import Output
import Site
import Testing

/// Hostile and unusual input: markup in titles, descriptions and facts never becomes live markup,
/// and BOMs, CRLF line endings and tabs simply work.
@Suite struct HostileInputTests {
    static let attack = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'"

    func copyOfBasic() throws -> URL {
        let work = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(
            at: Fixtures.directory.appendingPathComponent("basic/content"), to: work.appendingPathComponent("content"))
        return work.appendingPathComponent("content")
    }

    func build(_ content: URL) throws -> [OutputFile] {
        try Guidepost.buildInMemory(
            BuildOptions(
                contentDirectory: content.path,
                templatesDirectory: Fixtures.root.appendingPathComponent("templates").path, now: Fixtures.now)
        ).files
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func markupInFrontMatterFactsAndMarkdownStaysInert() throws {
        let content = try copyOfBasic()
        let json = Self.attack.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try edit(content.appendingPathComponent("en/guides/steps.md")) {
            $0.replacingOccurrences(of: "\"title\": \"Steps <em>not html</em>\"", with: "\"title\": \"\(json)\"")
                .replacingOccurrences(of: "\"description\": \"Steps & \\\"quotes\\\"\"", with: "\"description\": \"\(json)\"")
                + "\n[click](javascript:alert(3)) [data](data:text/html,<script>alert(4)</script>) <a href=\"x\" onclick=\"alert(5)\">x</a>\n\n<iframe src=\"https://evil.example\"></iframe>\n"
        }
        try edit(content.appendingPathComponent("facts/demo.json")) {
            $0.replacingOccurrences(of: "\"en\": \"Test campaign\"", with: "\"en\": \"\(json)\"")
                .replacingOccurrences(of: "\"code\": \"ABC-123\"", with: "\"code\": \"\(json)\"")
        }
        let files = try build(content)
        // Calendars are plain text (RFC 5545), where markup is just characters; every other file is HTML or XML.
        for file in files where !file.path.hasSuffix(".ics") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            for live in [
                "<script>alert", "<img src=x", "onerror=alert(2)>", "onclick=\"alert", "javascript:alert", "data:text/html", "<iframe",
            ] {
                #expect(!text.contains(live), "\(file.path) contains \(live)")
            }
        }
        let page = String(decoding: try #require(files.first { $0.path == "en/guides/steps/index.html" }).bytes, as: UTF8.self)
        #expect(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        let home = String(decoding: try #require(files.first { $0.path == "en/index.html" }).bytes, as: UTF8.self)
        #expect(home.contains("&lt;img src=x onerror=alert(2)&gt;"), "a fact printed in a description is escaped")
    }

    @Test func everyPageSatisfiesItsContentSecurityPolicy() throws {
        for file in try build(Fixtures.directory.appendingPathComponent("basic/content")) where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(
                html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';"),
                "\(file.path)")
            #expect(!html.contains("<script>") && !html.contains("<style"), "\(file.path) has inline script or style")
            #expect(html.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil, "\(file.path) has an inline event handler")
            #expect(html.range(of: #"\sstyle="#, options: .regularExpression) == nil, "\(file.path) has an inline style")
        }
    }

    @Test func byteOrderMarksCRLFAndTabsSimplyWork() throws {
        let content = try copyOfBasic()
        let walker = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)!
        for case let file as URL in walker where ["md", "json"].contains(file.pathExtension) {
            var text = try String(contentsOf: file, encoding: .utf8)
            text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                line.hasPrefix("    ")
                    ? "\t" + line.dropFirst(4)
                    : line.hasPrefix("  ") && file.pathExtension == "json" ? "\t" + line.dropFirst(2) : String(line)
            }.joined(separator: "\r\n")
            try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: file)
        }
        let converted = try build(content)
        let original = try build(Fixtures.directory.appendingPathComponent("basic/content"))
        #expect(converted.map(\.path) == original.map(\.path))
        for (a, b) in zip(converted, original) { #expect(a.bytes == b.bytes, "\(a.path) differs with BOM, CRLF and tabs") }
    }

    @Test func everyIDOnAPageIsUnique() throws {
        let content = try copyOfBasic()
        try edit(content.appendingPathComponent("en/guides/steps.md")) {
            $0 + "\n# Main\n\n## Check guides steps 1 1\n\n## Pages heading\n\n## Fn 1\n\nA note[^1].\n\n[^1]: The note.\n"
        }
        for file in try build(content) where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            let ids = html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(Set(ids).count == ids.count, "\(file.path) repeats an id: \(ids)")
        }
    }

    static let tableBombMessage =
        "error: short rows in this table would be filled with more than 524288 empty cells (counting every table on this page), too many to render safely; give each row as many cells as the header row, or split the table"

    /// The 60 KB page of issue 14 that made Debian's cmark-gfm allocate over 24 GB (CVE-2023-37463).
    static let tableBomb =
        "|" + String(repeating: "x|", count: 10_000) + "\n|" + String(repeating: "-|", count: 10_000) + "\n"
        + String(repeating: "x\n", count: 10_000)

    @Test func tablePaddingBombIsALocatedErrorInBuildAndRender() throws {
        let content = try copyOfBasic()
        try ("{\"title\": \"Bomb\"}\n\nText.\n\n" + Self.tableBomb).write(
            to: content.appendingPathComponent("en/bomb.md"), atomically: true, encoding: .utf8)
        var errors: [String] = []
        do {
            _ = try Guidepost.buildInMemory(
                BuildOptions(
                    contentDirectory: content.path,
                    templatesDirectory: Fixtures.root.appendingPathComponent("templates").path, now: Fixtures.now))
        } catch {
            errors = error.diagnostics.map { $0.description.replacingOccurrences(of: content.path + "/", with: "") }
        }
        #expect(errors == ["en/bomb.md:5:1: " + Self.tableBombMessage])
        // `guidepost render` runs the same guard.
        var renderErrors: [String] = []
        do { _ = try Guidepost.renderSnippet("# Title\n\n" + Self.tableBomb, language: "en", unsafe: false) } catch {
            renderErrors = error.diagnostics.map(\.description)
        }
        #expect(renderErrors == ["<stdin>:3:1: " + Self.tableBombMessage])
    }
}
