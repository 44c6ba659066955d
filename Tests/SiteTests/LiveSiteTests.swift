import Foundation
import Site
import Testing

/// The incremental engine behind `guidepost serve`: each rebuild re-renders only what depends on the change.
@Suite struct LiveSiteTests {
    func makeSite() throws -> (LiveSite, URL) {
        let work = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("basic/content"), to: work.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("templates"), to: work.appendingPathComponent("templates"))
        let options = BuildOptions(contentDirectory: work.appendingPathComponent("content").path,
                                   templatesDirectory: work.appendingPathComponent("templates").path, now: Fixtures.now)
        return (LiveSite(options: options), work)
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func rebuildsOnlyWhatDependsOnTheChange() throws {
        let (live, work) = try makeSite()
        #expect(live.lastRebuild?.renderedPages.count == 9)
        let steps = work.appendingPathComponent("content/fr/guides/steps.md")
        try edit(steps) { $0 + "\nUne phrase de plus.\n" }
        // The page, and its translations (whose "source changed" notice depends on it).
        #expect(live.rebuild(trigger: [steps.path]).renderedPages.sorted()
            == ["en/guides/steps/index.html", "fr/les-guides/etapes/index.html", "nl/gidsen/stappen/index.html"])
        #expect(String(decoding: live.file("fr/les-guides/etapes/index.html") ?? [], as: UTF8.self).contains("Une phrase de plus."))

        // A fact re-renders the pages that print it: the three home pages print demo.countries.
        let facts = work.appendingPathComponent("content/facts/demo.json")
        try edit(facts) { $0.replacingOccurrences(of: "\"countries\": 11", with: "\"countries\": 12") }
        #expect(live.rebuild(trigger: [facts.path]).renderedPages.sorted() == ["en/index.html", "fr/index.html", "nl/index.html"])

        // A template re-renders everything.
        let template = work.appendingPathComponent("templates/page.mustache")
        try edit(template) { $0.replacingOccurrences(of: "<article class=\"article\"", with: "<article class=\"article guide\"") }
        #expect(live.rebuild(trigger: [template.path]).renderedPages.count == 9)
    }

    @Test func aFailedRebuildKeepsTheLastGoodSiteAndItsChangesAreRetried() throws {
        let (live, work) = try makeSite()
        let version = live.version
        let home = work.appendingPathComponent("content/en/index.md")
        let good = try String(contentsOf: home, encoding: .utf8)
        try edit(home) { $0.replacingOccurrences(of: "{\"title\": \"Home\"", with: "{\"title\" \"Home\"") }
        let failed = live.rebuild(trigger: [home.path])
        #expect(failed.errors.count == 1)
        #expect(failed.errors.first?.hasPrefix(home.path + ":1:") == true)
        #expect(live.version == version)
        #expect(live.file("en/index.html") != nil, "the last good version is still there")

        // Meanwhile another page changes; fixing the first must also pick up the second.
        let steps = work.appendingPathComponent("content/en/guides/steps.md")
        try edit(steps) { $0 + "\nAnother sentence.\n" }
        _ = live.rebuild(trigger: [steps.path])
        try good.write(to: home, atomically: true, encoding: .utf8)
        let fixed = live.rebuild(trigger: [home.path])
        #expect(fixed.errors.isEmpty)
        #expect(live.version == version + 1)
        #expect(String(decoding: live.file("en/guides/steps/index.html") ?? [], as: UTF8.self).contains("Another sentence."))
    }
}
