import Diagnostics
import Foundation
import Output
import Testing

@Suite struct SiteWriterTests {
    @Test func replacesTheOutputAtomicallyAndRefusesEscapes() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "one")], to: output)
        try SiteWriter.write([OutputFile(path: "b.txt", text: "two")], to: output)
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["b.txt": Data("two".utf8)])
        #expect(throws: OutputError.self) { try SiteWriter.write([OutputFile(path: "../evil", text: "x")], to: output) }
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["b.txt": Data("two".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == [".site.lock", ".site.spare", "site"])
        // The spare folder is the site before last.
        #expect(try Fixtures.snapshot(work.appendingPathComponent(".site.spare")) == ["a/index.html": Data("one".utf8)])
    }

    @Test func aThirdBuildReusesTheSpareFolderAndRemovesWhatIsNoLongerBuilt() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "one"), OutputFile(path: "gone/deep/x.txt", text: "x")], to: output)
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "two")], to: output)
        let spareFile = work.appendingPathComponent(".site.spare/a/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: spareFile)[.systemFileNumber] as? Int
        // The spare holds build 1; build 3 equals it for a/index.html, so that file is left as it is.
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "one"), OutputFile(path: "b/index.html", text: "b")], to: output)
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["a/index.html": Data("one".utf8), "b/index.html": Data("b".utf8)])
        #expect(try FileManager.default.attributesOfItem(atPath: output + "/a/index.html")[.systemFileNumber] as? Int == before)
        #expect(!FileManager.default.fileExists(atPath: output + "/gone"))
        #expect(try Fixtures.snapshot(work.appendingPathComponent(".site.spare")) == ["a/index.html": Data("two".utf8)])
    }

    @Test func aFailedFinishLeavesTheOutputAsItWas() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "one")], to: output)
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "two")], to: output)
        #expect(throws: OutputError.self) {
            try SiteWriter.write([OutputFile(path: "a/index.html", text: "three"), OutputFile(path: "c.txt", text: "c")], to: output) {
                _ throws(OutputError) in
                throw .io(SourceLocation(path: "indexer"), detail: "failed")
            }
        }
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["a/index.html": Data("two".utf8)])
        // The next build recovers from whatever the failed one left in the spare folder.
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "four")], to: output)
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["a/index.html": Data("four".utf8)])
    }

    @Test func aSpareOfGuidepostsWithForeignEntriesIsRepaired() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "one")], to: output)
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "one")], to: output)
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["a/index.html": Data("one".utf8)])
        // A file where a folder is needed, and a stray symlink, in the spare (which carries the marker).
        try Data("file".utf8).write(to: work.appendingPathComponent(".site.spare/b"))
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent(".site.spare/link").path, withDestinationPath: "/etc")
        try SiteWriter.write([OutputFile(path: "b/index.html", text: "b")], to: output)
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["b/index.html": Data("b".utf8)])
        // A link in the spare where a page folder belongs, to a folder holding the same page: the page is
        // still written into a real folder.
        let elsewhere = work.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("c".utf8).write(to: elsewhere.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent(".site.spare/c").path, withDestinationPath: elsewhere.path)
        try SiteWriter.write([OutputFile(path: "c/index.html", text: "c")], to: output)
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["c/index.html": Data("c".utf8)])
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: output + "/c")) == nil, "c is a real folder")
        #expect(try Data(contentsOf: elsewhere.appendingPathComponent("index.html")) == Data("c".utf8), "the link's target is untouched")
        // A named pipe where a page belongs: compared without blocking, then replaced by the page.
        try FileManager.default.createDirectory(at: work.appendingPathComponent(".site.spare/d"), withIntermediateDirectories: true)
        #expect(mkfifo(work.appendingPathComponent(".site.spare/d/index.html").path, 0o644) == 0)
        try SiteWriter.write([OutputFile(path: "d/index.html", text: "d")], to: output)
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["d/index.html": Data("d".utf8)])
    }
}

@Suite struct SiteWriterLinkTests {
    @Test func unchangedFilesAreLinkedAndChangedOnesRewrittenWithoutTouchingTheOldTree() throws {
        let work = try Fixtures.temporaryDirectory()
        let output = work.appendingPathComponent("site").path
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "same"), OutputFile(path: "b.txt", text: "old")], to: output)
        let before = try FileManager.default.attributesOfItem(atPath: output + "/a/index.html")[.systemFileNumber] as? Int
        var seenDuringStaging: [URL: Data] = [:]
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "same"), OutputFile(path: "b.txt", text: "new")], to: output) {
            _ throws(OutputError) in
            // Before the swap, the current output is exactly as it was.
            seenDuringStaging =
                (try? Fixtures.snapshot(URL(fileURLWithPath: output)))?.reduce(into: [:]) { $0[URL(fileURLWithPath: $1.key)] = $1.value }
                ?? [:]
        }
        #expect(seenDuringStaging[URL(fileURLWithPath: "b.txt")] == Data("old".utf8))
        #expect(try Fixtures.snapshot(URL(fileURLWithPath: output)) == ["a/index.html": Data("same".utf8), "b.txt": Data("new".utf8)])
        let after = try FileManager.default.attributesOfItem(atPath: output + "/a/index.html")[.systemFileNumber] as? Int
        #expect(before == after, "the unchanged file kept its inode (hard link), the changed one was written anew")
        // Building again rewrites the spare (which shares a/index.html with the output) without touching the output.
        try SiteWriter.write([OutputFile(path: "a/index.html", text: "changed"), OutputFile(path: "b.txt", text: "new")], to: output)
        #expect(
            try Fixtures.snapshot(work.appendingPathComponent(".site.spare")) == [
                "a/index.html": Data("same".utf8), "b.txt": Data("new".utf8),
            ])
    }
}
