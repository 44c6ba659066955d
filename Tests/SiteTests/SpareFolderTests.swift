import Content
import Diagnostics
import Foundation
import Testing

@testable import Output
@testable import Site

/// A build streams each page into the spare folder as soon as it is rendered (issue 21, item 3), so it
/// never holds every page at once, and still exchanges the spare with the output only at the end.
@Suite struct SpareFolderTests {
    /// The `basic` fixture's options, writing to `work/site`.
    func options(_ work: URL, content: URL = Fixtures.directory.appendingPathComponent("basic/content")) -> BuildOptions {
        BuildOptions(
            contentDirectory: content.path, templatesDirectory: Fixtures.root.appendingPathComponent("templates").path,
            outputDirectory: work.appendingPathComponent("site").path, now: Fixtures.now)
    }

    @Test func pagesGoToTheSpareAsTheyAreRenderedAndTheOutputOnlyAtTheEnd() throws {
        let work = try Fixtures.temporaryDirectory()
        let options = options(work)
        let inMemory = try Guidepost.buildInMemory(options)
        let library = try SiteLoader.load(options).get()
        var plan = SiteBuilder.Plan(library, now: options.now)
        let spare = try SpareFolder(output: options.outputDirectory, policy: SiteWriter.Policy(), planned: plan.plannedPaths)
        plan.spare = spare
        let site = try SiteBuilder.build(plan).get()
        // The pages are on disk already and no longer in memory; the output does not exist yet.
        let pages = plan.jobs.map { $0.path + "index.html" }
        #expect(pages.count == 9)
        #expect(site.files.filter { pages.contains($0.path) }.isEmpty)
        let staged = try Fixtures.snapshot(spare.url)
        let expected = Dictionary(uniqueKeysWithValues: inMemory.files.map { ($0.path, Data($0.bytes)) })
        for page in pages { #expect(staged[page] == expected[page], "\(page) is in the spare as rendered") }
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory))
        try spare.put(site.files)
        try spare.commit()
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: options.outputDirectory)) == expected)
        #expect(spare.fileCount == inMemory.files.count)
    }

    /// A job and a rendered page name their page rather than hold a copy of it (issue 21: at 3 × 30,000,
    /// two copies of every page, one in its job and one in its outcome, were some 60 MiB of the peak).
    /// A page shares its storage between copies, so sizes say nothing: the fields are walked instead.
    @Test func jobsAndRenderedPagesHoldNoCopyOfTheirPage() throws {
        func holdsPage(_ value: Any) -> Bool {
            value is Content.Page || Mirror(reflecting: value).children.contains { holdsPage($0.value) }
        }
        let library = try SiteLoader.load(options(try Fixtures.temporaryDirectory())).get()
        let plan = SiteBuilder.Plan(library, now: Fixtures.now)
        #expect(!plan.jobs.isEmpty)
        #expect(!plan.jobs.contains(where: holdsPage))
        let outcomes = SiteBuilder.renderAll(plan)
        #expect(!outcomes.isEmpty)
        #expect(!outcomes.contains(where: holdsPage))
        #expect(holdsPage(library.pages), "the check sees a page where there is one")
    }

    /// A streaming plan (what `guidepost build` uses) moves the bodies out of the library and the jobs, and
    /// lets go of each once its job is rendered, with the same bytes as an in-memory build.
    @Test func aStreamingPlanHoldsEachBodyOnlyUntilItsJobIsRendered() throws {
        let work = try Fixtures.temporaryDirectory()
        let options = options(work)
        let inMemory = try Guidepost.buildInMemory(options)
        let library = try SiteLoader.load(options).get()
        #expect(library.pages.contains { !$0.body.isEmpty })
        var plan = SiteBuilder.Plan(streaming: library, now: options.now)
        #expect(plan.library.pages.allSatisfy { $0.body.isEmpty })
        #expect(plan.jobs.allSatisfy { plan.library.pages[$0.pageIndex].body.isEmpty })
        let spare = try SpareFolder(output: options.outputDirectory, policy: SiteWriter.Policy(), planned: plan.plannedPaths)
        plan.spare = spare
        let site = try SiteBuilder.build(plan).get()
        #expect(plan.jobs.indices.allSatisfy { plan.bodies?.take($0) == "" }, "every body was handed out and let go")
        try spare.put(site.files)
        try spare.commit()
        let expected = Dictionary(uniqueKeysWithValues: inMemory.files.map { ($0.path, Data($0.bytes)) })
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: options.outputDirectory)) == expected)
    }

    @Test func aBuildThatFailsAfterWritingPagesLeavesTheOutputAsItWas() throws {
        let work = try Fixtures.temporaryDirectory()
        let content = work.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("basic/content"), to: content)
        let options = options(work, content: content)
        // Two builds, so the spare folder exists (the site before last) and is reused by the failing one.
        _ = try Guidepost.build(options)
        try "{\"title\": \"Nieuw\"}\n\nNieuwe tekst.\n".write(
            to: content.appendingPathComponent("nl/new.md"), atomically: true, encoding: .utf8)
        _ = try Guidepost.build(options)
        let output = URL(fileURLWithPath: options.outputDirectory)
        let before = try Fixtures.snapshot(output)
        // Every page but one renders, and is written into the spare, before the broken one fails the build.
        try "{\"title\": \"Kapot\"}\n\n{{demo.nope}}\n".write(
            to: content.appendingPathComponent("nl/new.md"), atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { try Guidepost.build(options) }
        #expect(try Fixtures.snapshot(output) == before)
        // The next good build recovers from what the failed one left in the spare.
        try "{\"title\": \"Nieuw\"}\n\nAndere tekst.\n".write(
            to: content.appendingPathComponent("nl/new.md"), atomically: true, encoding: .utf8)
        _ = try Guidepost.build(options)
        #expect(
            try Fixtures.snapshot(output)
                == Dictionary(uniqueKeysWithValues: try Guidepost.buildInMemory(options).files.map { ($0.path, Data($0.bytes)) }))
    }

    @Test func refusalsComeBeforeAnythingIsWritten() throws {
        let work = try Fixtures.temporaryDirectory()
        let options = options(work)
        // A folder Guidepost did not make, where the output should go.
        let output = URL(fileURLWithPath: options.outputDirectory)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        #expect(throws: BuildFailure.self) { try Guidepost.build(options) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == [".site.lock", "site"])
        #expect(try Fixtures.snapshot(output) == ["notes.txt": Data("mine".utf8)])
    }

    @Test func filesPutBeyondThePlanAreCheckedToo() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        let spare = try SpareFolder(output: output, policy: SiteWriter.Policy(keep: ["CNAME"]), planned: ["a/index.html"])
        for path in [".guidepost-output", "../evil", "CNAME"] {
            #expect(throws: OutputError.self) { try spare.put(OutputFile(path: path, text: "x")) }
        }
        try spare.put(OutputFile(path: "a/index.html", text: "a"))
        try spare.put(OutputFile(path: "sitemap.xml", text: "s"))
        try spare.commit()
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["a/index.html": Data("a".utf8), "sitemap.xml": Data("s".utf8)])
        #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/.guidepost-output")) == Data(OutputGuard.marker))
    }

    /// A file under a kept name is refused whether planned or put beyond the plan, at any depth, with the
    /// name it takes; a name that only starts like a kept one is not.
    @Test func filesUnderAKeptNameAreRefused() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        let reason = "the build writes \"docs\", which \"keep\" in content/site.json also names; remove it from one of them"
        #expect(throws: OutputError.unsafeOutput(SourceLocation(path: output), reason: reason)) {
            _ = try SpareFolder(output: output, policy: SiteWriter.Policy(keep: ["docs"]), planned: ["docs/été/index.html"])
        }
        let spare = try SpareFolder(output: output, policy: SiteWriter.Policy(keep: ["docs"]), planned: ["documents/index.html"])
        #expect(throws: OutputError.unsafeOutput(SourceLocation(path: output), reason: reason)) {
            try spare.put(OutputFile(path: "docs/a/b.txt", text: "x"))
        }
        try spare.put(OutputFile(path: "documents/index.html", text: "d"))
        try spare.put(OutputFile(path: "docsx/a.txt", text: "x"))
        try spare.commit()
        #expect(
            try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["documents/index.html": Data("d".utf8), "docsx/a.txt": Data("x".utf8)])
    }

    /// The kept name is cut at the first slash byte: a slash that a combining mark follows (one character
    /// with it) still ends the name, so such a path cannot slip into a kept folder.
    @Test func aCombiningMarkAfterTheSlashDoesNotHideAKeptName() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        let reason = "the build writes \"docs\", which \"keep\" in content/site.json also names; remove it from one of them"
        #expect(throws: OutputError.unsafeOutput(SourceLocation(path: output), reason: reason)) {
            _ = try SpareFolder(output: output, policy: SiteWriter.Policy(keep: ["docs"]), planned: ["docs/\u{301}x/index.html"])
        }
        let spare = try SpareFolder(output: output, policy: SiteWriter.Policy(keep: ["docs"]), planned: [])
        #expect(throws: OutputError.unsafeOutput(SourceLocation(path: output), reason: reason)) {
            try spare.put(OutputFile(path: "docs/\u{301}x.txt", text: "x"))
        }
        spare.cancel()
    }

    @Test func twoFilesAtOnePathKeepTheLastAsInOrder() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        let files = (0..<2000).map { OutputFile(path: "same.txt", text: "version \($0)") }
        try SiteWriter.write(files, to: output)
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["same.txt": Data("version 1999".utf8)])
    }

    /// An image cache inside the output would be replaced by every build (and published): refused before
    /// anything is written, like the content folder.
    @Test func anImageCacheInsideTheOutputIsRefused() throws {
        let work = try Fixtures.temporaryDirectory()
        var options = options(work)
        options.imageCache = options.outputDirectory + "/cache"
        #expect(throws: BuildFailure.self) { try Guidepost.build(options) }
        do {
            _ = try Guidepost.build(options)
        } catch {
            #expect(
                error.description
                    == "\(options.outputDirectory):1:1: error: the output folder contains the source folder \(options.outputDirectory)/cache, which a build would replace or publish; choose a folder outside it, such as site\nbuild failed: 1 error; site not written"
            )
        }
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory))
    }
}
