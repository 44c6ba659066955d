import Diagnostics
import Foundation
import Site
import Testing

/// `guidepost new` creates a page or a section in every language, refuses to overwrite, and the result
/// builds at once (issue 17, scaffolding).
@Suite struct ScaffoldTests {
    @Test func aSectionAndAPageInEveryLanguageThatBuildAtOnce() throws {
        let work = try Fixtures.temporaryDirectory()
        let content = work.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("basic/content"), to: content)
        let section = try Scaffold.create("linkedin", title: "LinkedIn", section: true, contentDirectory: content.path)
        #expect(section == ["fr", "nl", "en"].map { "\(content.path)/\($0)/linkedin/index.md" })
        let page = try Scaffold.create("linkedin/first-steps", title: nil, section: false, contentDirectory: content.path)
        #expect(page == ["fr", "nl", "en"].map { "\(content.path)/\($0)/linkedin/first-steps.md" })
        #expect(try String(contentsOfFile: page[1], encoding: .utf8) == "{\"title\": \"First steps\"}\n\n")
        #expect(try String(contentsOfFile: section[0], encoding: .utf8) == "{\"title\": \"LinkedIn\"}\n\n")
        let built = try Guidepost.buildInMemory(
            BuildOptions(
                contentDirectory: content.path,
                templatesDirectory: Fixtures.root.appendingPathComponent("templates").path, now: Fixtures.now))
        #expect(built.files.contains { $0.path == "nl/linkedin/first-steps/index.html" })
        let listing = String(decoding: try #require(built.files.first { $0.path == "fr/linkedin/index.html" }).bytes, as: UTF8.self)
        #expect(listing.contains("<li><a href=\"first-steps/\">First steps</a></li>"))
        // Nothing is ever overwritten: a second run changes nothing and names every existing file.
        try Data("{\"title\": \"Mine\"}\n".utf8).write(to: URL(fileURLWithPath: page[2]))
        do {
            _ = try Scaffold.create("linkedin/first-steps.md", title: "Other", section: false, contentDirectory: content.path)
            Issue.record("must refuse")
        } catch {
            #expect(
                error.diagnostics.map(\.description)
                    == page.sorted().map {
                        "\($0):1:1: error: this file already exists, and Guidepost never overwrites; choose another name or edit it"
                    })
        }
        var advice = FrontEndAdvice()
        advice.newPages = "guidepost new"
        do {
            _ = try Scaffold.create(
                "linkedin/first-steps.md", title: "Other", section: false, contentDirectory: content.path, advice: advice)
            Issue.record("must refuse")
        } catch {
            #expect(
                error.diagnostics.map(\.description)
                    == page.sorted().map {
                        "\($0):1:1: error: this file already exists, and guidepost new never overwrites; choose another name or edit it"
                    })
        }
        #expect(try String(contentsOfFile: page[2], encoding: .utf8) == "{\"title\": \"Mine\"}\n")
    }

    @Test func unusableNamesAreRefused() throws {
        let content = Fixtures.directory.appendingPathComponent("basic/content").path
        for name in ["../escape", "/abs", "a b", "fr/page"] {
            #expect(throws: BuildFailure.self) { _ = try Scaffold.create(name, title: nil, section: false, contentDirectory: content) }
        }
    }
}
