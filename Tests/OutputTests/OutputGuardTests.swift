import Diagnostics
import Foundation
import Testing

@testable import Output

/// Guidepost replaces, moves or deletes only folders it can prove it made (issue 14, item 1), keeps the
/// publisher's own names (`keep`), and lets one build at a time write an output (item 2).
@Suite struct OutputGuardTests {
    let files = [OutputFile(path: "index.html", text: "new site")]

    /// A folder holding `entries` (name → text; a name ending in `/` is a folder).
    func folder(_ url: URL, _ entries: [String: String]) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in entries {
            if name.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url.appendingPathComponent(name), withIntermediateDirectories: true)
            } else {
                try Data(text.utf8).write(to: url.appendingPathComponent(name))
            }
        }
    }

    /// The message of the error `write` throws, with `work` removed from paths.
    func refusal(_ output: String, in work: URL, policy: SiteWriter.Policy = SiteWriter.Policy()) -> String? {
        do {
            try SiteWriter.write(files, to: output, policy: policy)
            return nil
        } catch {
            return error.description.replacingOccurrences(of: work.path + "/", with: "")
        }
    }

    /// Every file and folder under `url`, relative, sorted (nothing is ever lost).
    func listing(_ url: URL) -> [String] {
        (FileManager.default.subpaths(atPath: url.path) ?? []).sorted()
    }

    @Test func aFolderGuidepostDidNotMakeIsRefusedAndLeftAlone() throws {
        let work = try Fixtures.temporaryDirectory()
        let home = work.appendingPathComponent("public")
        try folder(home, [".git/": "", "CNAME": "guide.example.org", "index.html": "my own page"])
        let before = listing(home)
        for _ in 0..<2 {
            #expect(
                refusal(home.path, in: work)
                    == "public:1:1: error: this folder exists and was not made by Guidepost (it has no .guidepost-output file; it holds .git, CNAME, index.html); choose an empty or new folder, or delete it yourself (names to keep, such as .git or CNAME, go under \"keep\" in content/site.json)"
            )
        }
        #expect(listing(home) == before)
        #expect(try Data(contentsOf: home.appendingPathComponent("index.html")) == Data("my own page".utf8))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent(".public.spare").path), "nothing was moved aside")
    }

    @Test func aForeignSpareFolderOrFileIsRefusedAndLeftAlone() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        try folder(work.appendingPathComponent(".site.spare"), ["notes.txt": "mine"])
        #expect(
            refusal(output, in: work)
                == "\(work.path)/.site.spare:1:1: error: this folder exists and was not made by Guidepost (it has no .guidepost-output file; it holds notes.txt); Guidepost prepares each build in this spare folder, so move it away or delete it yourself"
                .replacingOccurrences(of: work.path + "/", with: ""))
        #expect(try Data(contentsOf: work.appendingPathComponent(".site.spare/notes.txt")) == Data("mine".utf8))
        try FileManager.default.removeItem(at: work.appendingPathComponent(".site.spare"))
        try Data("mine".utf8).write(to: work.appendingPathComponent(".site.spare"))
        #expect(
            refusal(output, in: work)
                == ".site.spare:1:1: error: this file is in the place where Guidepost prepares each build (the spare folder) and was not made by Guidepost; move it away or delete it yourself"
        )
        #expect(try Data(contentsOf: work.appendingPathComponent(".site.spare")) == Data("mine".utf8))
    }

    @Test func placesThatCanNeverBeAnOutputAreRefused() throws {
        let work = try Fixtures.temporaryDirectory()
        let content = work.appendingPathComponent("content")
        try folder(content.appendingPathComponent("en"), ["a.md": "{}"])
        let policy = SiteWriter.Policy(
            sourceFolders: [content.path, work.appendingPathComponent("templates").path],
            protectedFolders: [work.appendingPathComponent("home").path])
        try folder(work.appendingPathComponent("home"), [:])
        #expect(
            refusal(content.path, in: work, policy: policy)
                == "content:1:1: error: the output folder is the source folder content, which a build would replace or publish; choose a folder outside it, such as site"
        )
        #expect(
            refusal(content.path + "/en", in: work, policy: policy)
                == "content/en:1:1: error: the output folder lies inside the source folder content, which a build would replace or publish; choose a folder outside it, such as site"
        )
        #expect(
            refusal(work.path, in: work, policy: policy)?.hasSuffix(
                "error: the output folder contains the source folder content, which a build would replace or publish; choose a folder outside it, such as site"
            ) == true)
        #expect(
            refusal(work.appendingPathComponent("home").path, in: work, policy: policy)
                == "home:1:1: error: the output folder cannot be your home folder; choose a new folder such as site")
        #expect(
            refusal("/", in: work, policy: policy)
                == "/:1:1: error: the output folder cannot be the root folder /; choose a new folder such as site")
        try Data("x".utf8).write(to: work.appendingPathComponent("file"))
        #expect(
            refusal(work.appendingPathComponent("file").path, in: work, policy: policy)
                == "file:1:1: error: the output is a file, not a folder; choose a new folder such as site")
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent("link").path, withDestinationPath: work.appendingPathComponent("home").path)
        #expect(
            refusal(work.appendingPathComponent("link").path, in: work, policy: policy)
                == "link:1:1: error: the output is a symbolic link, which a build would replace; name the folder it points to, or choose a new folder such as site"
        )
        #expect(listing(content) == ["en", "en/a.md"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["content", "file", "home", "link"],
            "no spare and no lock file was made")
    }

    @Test func emptyFoldersNewFoldersAndOldGuidepostOutputsAreUsed() throws {
        let work = try Fixtures.temporaryDirectory()
        let empty = work.appendingPathComponent("empty")
        try folder(empty, [:])
        try SiteWriter.write(files, to: empty.path)
        #expect(try Data(contentsOf: empty.appendingPathComponent(".guidepost-output")) == Data(OutputGuard.marker))
        try SiteWriter.write(files, to: work.appendingPathComponent("new/deep").path)
        #expect(try Fixtures.snapshot(work.appendingPathComponent("new/deep")) == ["index.html": Data("new site".utf8)])
        // An output of a Guidepost release from before the marker: its build.json names the generator.
        let old = work.appendingPathComponent("old")
        try folder(old, ["build.json": "{\"generator\": \"guidepost\", \"now\": \"2025-01-01T00:00:00Z\"}", "index.html": "old"])
        try SiteWriter.write(files, to: old.path)
        #expect(try Fixtures.snapshot(old) == ["index.html": Data("new site".utf8)])
    }

    @Test func keptNamesSurviveEveryBuildAndAreNeverPruned() throws {
        let work = try Fixtures.temporaryDirectory()
        let publicFolder = work.appendingPathComponent("public")
        // A gh-pages worktree emptied of the old site: only the kept names are left.
        try folder(publicFolder, [".git": "gitdir: ../repo/.git/worktrees/public", "CNAME": "guide.example.org", ".nojekyll": ""])
        let policy = SiteWriter.Policy(keep: [".git", "CNAME", ".nojekyll"])
        for round in 0..<3 {
            try SiteWriter.write([OutputFile(path: "index.html", text: "build \(round)")], to: publicFolder.path, policy: policy)
            #expect(try Data(contentsOf: publicFolder.appendingPathComponent(".git")) == Data("gitdir: ../repo/.git/worktrees/public".utf8))
            #expect(try Data(contentsOf: publicFolder.appendingPathComponent("CNAME")) == Data("guide.example.org".utf8))
            #expect(try Data(contentsOf: publicFolder.appendingPathComponent("index.html")) == Data("build \(round)".utf8))
            #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent(".public.spare/CNAME").path))
        }
        // A build that would write a kept name is refused.
        #expect(throws: OutputError.self) {
            try SiteWriter.write([OutputFile(path: "CNAME", text: "other")], to: publicFolder.path, policy: policy)
        }
        #expect(try Data(contentsOf: publicFolder.appendingPathComponent("CNAME")) == Data("guide.example.org".utf8))
    }

    @Test func aFailedFirstBuildLeavesNoHalfWrittenSpare() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        #expect(throws: OutputError.self) {
            try SiteWriter.write(files, to: output) { _ throws(OutputError) in
                throw .io(SourceLocation(path: "pagefind"), detail: "missing")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == [".site.lock"])
    }

    @Test func aSecondBuildFailsAtOnceOrWaitsForTheLock() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        let held = try OutputLock(output: output, wait: false, waiting: { _ in })
        #expect(
            refusal(output, in: work, policy: SiteWriter.Policy(waitForLock: false))
                == "site:1:1: error: another Guidepost build is writing this output folder (it holds .site.lock); wait for it to finish and try again"
        )
        // The front end's advice (its flag) ends the message.
        #expect(
            refusal(output, in: work, policy: SiteWriter.Policy(waitForLock: false, lockAdvice: "leave out --no-wait to wait for it"))
                == "site:1:1: error: another Guidepost build is writing this output folder (it holds .site.lock); wait for it to finish and try again, or leave out --no-wait to wait for it"
        )
        let waited = Flag()
        let finished = Flag()
        Thread.detachNewThread {
            try? SiteWriter.write(self.files, to: output, policy: SiteWriter.Policy(waiting: { _ in waited.set() }))
            finished.set()
        }
        for _ in 0..<500 where !waited.isSet { usleep(10_000) }
        #expect(waited.isSet)
        usleep(100_000)
        #expect(!finished.isSet, "the second build waits while the first holds the lock")
        withExtendedLifetime(held) {}
        _ = consume held
        for _ in 0..<500 where !finished.isSet { usleep(10_000) }
        #expect(finished.isSet)
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["index.html": Data("new site".utf8)])
    }
}

/// A thread-safe flag for the lock test.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
