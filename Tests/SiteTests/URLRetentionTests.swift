import Diagnostics
import Foundation
import Site
import Testing

/// A URL the previous build published never disappears silently: a build that would drop one fails until
/// an alias or a retirement keeps it (issue 17, stable URLs).
@Suite struct URLRetentionTests {
    /// A copy of the basic fixture and an output folder beside it.
    func site() throws -> (content: URL, options: BuildOptions) {
        let work = try Fixtures.temporaryDirectory()
        let content = work.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("basic/content"), to: content)
        let options = BuildOptions(
            contentDirectory: content.path, templatesDirectory: Fixtures.root.appendingPathComponent("templates").path,
            outputDirectory: work.appendingPathComponent("site").path, now: Fixtures.now)
        return (content, options)
    }

    func setSlug(_ slug: String, extra: String = "", in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"slug\": \"etapes\"", with: "\"slug\": \"\(slug)\"\(extra)").write(
            to: file, atomically: true, encoding: .utf8)
    }

    @Test func aChangedSlugFailsUntilAnAliasOrARetirementKeepsTheOldURL() throws {
        let (content, options) = try site()
        _ = try Guidepost.build(options)
        let page = content.appendingPathComponent("fr/guides/steps.md")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("\"slug\": \"etapes\""))
        try setSlug("nouvelles-etapes", in: page)
        let before = try Fixtures.snapshot(URL(fileURLWithPath: options.outputDirectory))
        do {
            _ = try Guidepost.build(options)
            Issue.record("the build should fail")
        } catch {
            // The translations fall back to the French page at the new URL too, so their old fallback URLs
            // are not affected: only the French page's URL disappears.
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(content.path)/site.json:1:1: error: the previous build published /fr/les-guides/etapes/, which this build would drop; add it to the \"aliases\" of the page that replaces it, or to \"retired\" in content/site.json if it is gone for good"
                ])
        }
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: options.outputDirectory)) == before, "the previous site is untouched")
        // An alias keeps the old URL: it becomes a redirect to the new one.
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(
            of: "\"slug\": \"nouvelles-etapes\"", with: "\"slug\": \"nouvelles-etapes\", \"aliases\": [\"/fr/les-guides/etapes/\"]"
        )
        .write(to: page, atomically: true, encoding: .utf8)
        _ = try Guidepost.build(options)
        let redirect = try String(contentsOfFile: options.outputDirectory + "/fr/les-guides/etapes/index.html", encoding: .utf8)
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../nouvelles-etapes/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/guide/fr/les-guides/nouvelles-etapes/\">"))
        #expect(redirect.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(redirect.contains("<a href=\"../nouvelles-etapes/\">"))
        // Dropping the alias later (back to the text without it) needs a retirement instead.
        try text.write(to: page, atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { _ = try Guidepost.build(options) }
        let config = content.appendingPathComponent("site.json")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
            of: "\"campaigns\"", with: "\"retired\": [\"/fr/les-guides/etapes/\"],\n  \"campaigns\""
        )
        .write(to: config, atomically: true, encoding: .utf8)
        _ = try Guidepost.build(options)
        let retired = try String(contentsOfFile: options.outputDirectory + "/fr/les-guides/etapes/index.html", encoding: .utf8)
        #expect(retired.contains("<h1>Page retirée</h1>"))
        #expect(retired.contains("<meta name=\"robots\" content=\"noindex\">"))
    }
}
