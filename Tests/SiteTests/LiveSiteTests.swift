import Foundation
import Site
import Testing

/// The incremental engine behind `guidepost serve`: each rebuild re-renders only what depends on the change.
@Suite struct LiveSiteTests {
    func makeSite() throws -> (LiveSite, URL) {
        let (options, work) = try Fixtures.copyOfBasicSite()
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
        #expect(
            live.rebuild(trigger: [steps.path]).renderedPages.sorted()
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

    /// A page edited through the fast path is cached with everything its fingerprint covers, the files it
    /// shows included, so the next full rebuild reuses it.
    @Test func aPageWithAnImageEditedIncrementallyIsReusedByTheNextFullRebuild() throws {
        let (options, work) = try Fixtures.copyOfBasicSite()
        let steps = work.appendingPathComponent("content/fr/guides/steps.md")
        let image = work.appendingPathComponent("content/fr/guides/steps/shot.svg")
        try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#.utf8)
            .write(to: image)
        try edit(steps) { $0 + "\n![Le formulaire](shot.svg)\n" }
        let live = LiveSite(options: options)
        #expect(live.lastRebuild?.errors == [])
        try edit(steps) { $0 + "\nUne phrase de plus.\n" }
        #expect(live.rebuild(trigger: [steps.path]).renderedPages.contains("fr/les-guides/etapes/index.html"))
        // A fact only the home pages print: a full rebuild that must not re-render the edited page.
        let facts = work.appendingPathComponent("content/facts/demo.json")
        try edit(facts) { $0.replacingOccurrences(of: "\"countries\": 11", with: "\"countries\": 12") }
        #expect(live.rebuild(trigger: [facts.path]).renderedPages.sorted() == ["en/index.html", "fr/index.html", "nl/index.html"])
    }

    @Test func removingAHeadingThatAnotherPageLinksToIsAnError() throws {
        let (live, work) = try makeSite()
        let index = work.appendingPathComponent("content/en/guides/index.md")
        try edit(index) { $0 + "\nSee [the first step](steps.md#first).\n" }
        #expect(live.rebuild(trigger: [index.path]).errors == [])
        // Only the linked page changes; the page with the link is not re-rendered, but its link is checked again.
        let steps = work.appendingPathComponent("content/en/guides/steps.md")
        try edit(steps) { $0.replacingOccurrences(of: "## First", with: "## Begin") }
        let failed = live.rebuild(trigger: [steps.path])
        #expect(
            failed.errors.map { $0.replacingOccurrences(of: work.path + "/", with: "") } == [
                "content/en/guides/index.md:9:5: error: the link \"steps.md#first\" leads to no heading or checklist with the id \"first\" on that page; fix the part after #, or remove it to link to the whole page",
                "content/en/index.md:5:5: error: the link \"guides/steps.md#first\" leads to no heading or checklist with the id \"first\" on that page; fix the part after #, or remove it to link to the whole page",
            ])
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

    /// The files the live site serves, against a full build of the same sources at the same day (the
    /// build time inside `datetime` attributes and `build.json` is left out: rebuilds use the clock).
    func expectSameAsFullBuild(_ live: LiveSite, _ work: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var options = BuildOptions(
            contentDirectory: work.appendingPathComponent("content").path,
            templatesDirectory: work.appendingPathComponent("templates").path, now: Date())
        options.now = Date()
        let full = try Guidepost.buildInMemory(options)
        func normalized(_ bytes: [UInt8]) -> String {
            String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: #"T\d\d:?\d\d:?\d\dZ"#, with: "T…Z", options: .regularExpression)
        }
        for file in full.files where file.path != "build.json" {
            #expect(normalized(live.file(file.path) ?? []) == normalized(file.bytes), "\(file.path)", sourceLocation: sourceLocation)
        }
    }

    /// The translation board lists every page: an edit that changes a row of it does not render it (so the
    /// edit reaches the browser sooner on a large site); it is rendered when it is asked for, as a full build makes it.
    @Test func anEditLeavesTheTranslationBoardToBeRenderedWhenAskedFor() throws {
        let (options, work) = try Fixtures.copyOfBasicSite()
        _ = try Guidepost.markTranslation(options, page: "guides/steps.md", language: "en")
        _ = try Guidepost.markTranslation(options, page: "guides/steps.md", language: "nl")
        let live = LiveSite(options: options)
        #expect(live.pendingFiles.isEmpty)
        let steps = work.appendingPathComponent("content/fr/guides/steps.md")
        try edit(steps) { $0 + "\nUne phrase de plus.\n" }
        #expect(live.rebuild(trigger: [steps.path]).renderedPages.count == 3)
        #expect(live.pendingFiles == ["translations/index.html"])
        // Asked for (every file is compared with a full build's), it is rendered once and is current.
        try expectSameAsFullBuild(live, work)
        #expect(live.pendingFiles.isEmpty)
        // A second edit of the page changes no row: nothing is left pending.
        try edit(steps) { $0 + "\nEncore une phrase.\n" }
        #expect(live.rebuild(trigger: [steps.path]).errors.isEmpty)
        #expect(live.pendingFiles.isEmpty)
        // A full rebuild (a template changed) after a pending edit makes the board itself.
        let english = work.appendingPathComponent("content/en/guides/steps.md")
        _ = try Guidepost.markTranslation(options, page: "guides/steps.md", language: "en")
        #expect(live.rebuild(trigger: [english.path]).errors.isEmpty)
        #expect(live.pendingFiles == ["translations/index.html"])
        let template = work.appendingPathComponent("templates/page.mustache")
        try edit(template) { $0.replacingOccurrences(of: "<article class=\"article\"", with: "<article class=\"article guide\"") }
        #expect(live.rebuild(trigger: [template.path]).renderedPages.count == 9)
        #expect(live.pendingFiles.isEmpty)
        try expectSameAsFullBuild(live, work)
    }

    @Test func editsOfArticleBodiesGiveWhatAFullBuildGives() throws {
        let (options, work) = try Fixtures.copyOfBasicSite()
        // Translations up to date first, so that editing the source makes them stale (a visible notice).
        _ = try Guidepost.markTranslation(options, page: "guides/steps.md", language: "en")
        _ = try Guidepost.markTranslation(options, page: "guides/steps.md", language: "nl")
        let live = LiveSite(options: options)
        #expect(!String(decoding: live.file("en/guides/steps/index.html") ?? [], as: UTF8.self).contains("translation-notice"))
        try expectSameAsFullBuild(live, work)
        // A source page's body: the page, its translations' stale notices, the translation board.
        let steps = work.appendingPathComponent("content/fr/guides/steps.md")
        try edit(steps) { $0 + "\nUne phrase de plus, avec un fait : {{demo.countries}}.\n" }
        let first = live.rebuild(trigger: [steps.path])
        #expect(first.errors.isEmpty)
        #expect(first.renderedPages.count == 3)
        #expect(String(decoding: live.file("en/guides/steps/index.html") ?? [], as: UTF8.self).contains("translation-notice"))
        try expectSameAsFullBuild(live, work)
        // A translation's body, with a broken fact first (an error, nothing changes), then fixed.
        let english = work.appendingPathComponent("content/en/guides/steps.md")
        let before = live.file("en/guides/steps/index.html")
        try edit(english) { $0 + "\nSee {{demo.nothing}}.\n" }
        let failed = live.rebuild(trigger: [english.path])
        #expect(failed.errors.count == 1)
        #expect(live.file("en/guides/steps/index.html") == before)
        try edit(english) { $0.replacingOccurrences(of: "{{demo.nothing}}", with: "{{demo.countries}}") }
        #expect(live.rebuild(trigger: [english.path]).renderedPages == ["en/guides/steps/index.html"])
        try expectSameAsFullBuild(live, work)
        // A title change is not a body edit: home pages and feeds follow too.
        try edit(english) { $0.replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"New: ") }
        #expect(live.rebuild(trigger: [english.path]).errors.isEmpty)
        try expectSameAsFullBuild(live, work)
    }
}
