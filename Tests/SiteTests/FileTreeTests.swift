import Foundation
import Testing

@testable import Site

#if canImport(Glibc)
    import Glibc
#endif

/// Only regular files are read; links may not leave the content or loop; special files, unreadable
/// folders and colliding names are located errors (issue 14, items 3, 4, 7, 8 and 9).
@Suite struct FileTreeTests {
    /// Builds the valid base site after `prepare`, returning its error lines (paths relative to the site).
    func errors(_ prepare: (URL) throws -> Void) throws -> [String] {
        let result = try InvalidSiteTests.build("_no-overlay", prepare: prepare)
        #expect(result.outputUnchanged)
        return result.errors
    }

    @Test func namedPipesAndSocketsAreReportedNotOpened() throws {
        let found = try errors { work in
            #expect(mkfifo(work.appendingPathComponent("content/en/pipe.md").path, 0o644) == 0)
            #expect(mkfifo(work.appendingPathComponent("content/facts/pipe.json").path, 0o644) == 0)
            #expect(mkfifo(work.appendingPathComponent("templates/pipe.mustache").path, 0o644) == 0)
            #expect(mkfifo(work.appendingPathComponent("templates/assets/pipe.css").path, 0o644) == 0)
            // A pipe where a file Guidepost reads by name is expected.
            try FileManager.default.removeItem(at: work.appendingPathComponent("content/strings/nl.json"))
            #expect(mkfifo(work.appendingPathComponent("content/strings/nl.json").path, 0o644) == 0)
        }
        #expect(
            found == [
                "content/en/pipe.md:1:1: error: this is a named pipe (FIFO), not a regular file, and is not read; replace it with a plain file or move it out of the folder",
                "content/facts/pipe.json:1:1: error: this is a named pipe (FIFO), not a regular file, and is not read; replace it with a plain file or move it out of the folder",
                "content/strings/nl.json:1:1: error: this is a named pipe (FIFO), not a regular file, and is not read; replace it with a plain file or move it out of the folder",
                "templates/assets/pipe.css:1:1: error: this is a named pipe (FIFO), not a regular file, and is not read; replace it with a plain file or move it out of the folder",
                "templates/pipe.mustache:1:1: error: this is a named pipe (FIFO), not a regular file, and is not read; replace it with a plain file or move it out of the folder",
            ])
    }

    @Test func symbolicLinkLoopsAreReportedAndNeverWalked() throws {
        let found = try errors { work in
            let guides = work.appendingPathComponent("content/en/guides")
            try FileManager.default.createSymbolicLink(atPath: guides.appendingPathComponent("a").path, withDestinationPath: ".")
            try FileManager.default.createSymbolicLink(atPath: guides.appendingPathComponent("b").path, withDestinationPath: ".")
            try FileManager.default.createSymbolicLink(atPath: guides.appendingPathComponent("up").path, withDestinationPath: "..")
            try FileManager.default.createSymbolicLink(
                atPath: guides.appendingPathComponent("self.md").path, withDestinationPath: "self.md")
        }
        let guides = "content/en/guides"
        #expect(found.count == 4)
        let loop =
            "leads back into a folder that is already being read, so it is not followed; remove the link or point it at a folder outside the loop"
        #expect(
            found == [
                "\(guides)/a:1:1: error: this symbolic link (to content/en/guides) \(loop)",
                "\(guides)/b:1:1: error: this symbolic link (to content/en/guides) \(loop)",
                "\(guides)/self.md:1:1: error: this symbolic link (to a chain of symbolic links that never ends) \(loop)",
                "\(guides)/up:1:1: error: this symbolic link (to content/en) \(loop)",
            ])
    }

    @Test func linksLeavingTheContentAreRefusedAtTheTopLevelToo() throws {
        let outside = try Fixtures.temporaryDirectory()
        let found = try errors { work in
            let content = work.appendingPathComponent("content")
            for name in ["en", "facts", "strings"] {
                try FileManager.default.moveItem(at: content.appendingPathComponent(name), to: outside.appendingPathComponent(name))
                try FileManager.default.createSymbolicLink(
                    at: content.appendingPathComponent(name), withDestinationURL: outside.appendingPathComponent(name))
            }
            try FileManager.default.moveItem(
                at: content.appendingPathComponent("site.json"), to: outside.appendingPathComponent("site.json"))
            try FileManager.default.createSymbolicLink(
                at: content.appendingPathComponent("site.json"), withDestinationURL: outside.appendingPathComponent("site.json"))
        }
        #expect(
            found == [
                "content/site.json:1:1: error: this symbolic link points outside the content folder (to \(outside.path)/site.json) and is not followed; copy the file in instead"
            ])
        let rest = try errors { work in
            let content = work.appendingPathComponent("content")
            for name in ["en"] {
                try FileManager.default.removeItem(at: outside.appendingPathComponent(name))
                try FileManager.default.moveItem(at: content.appendingPathComponent(name), to: outside.appendingPathComponent(name))
                try FileManager.default.createSymbolicLink(
                    at: content.appendingPathComponent(name), withDestinationURL: outside.appendingPathComponent(name))
            }
            try FileManager.default.removeItem(at: outside.appendingPathComponent("strings"))
            try FileManager.default.moveItem(
                at: content.appendingPathComponent("strings/en.json"), to: outside.appendingPathComponent("en.json"))
            try FileManager.default.createSymbolicLink(
                at: content.appendingPathComponent("strings/en.json"), withDestinationURL: outside.appendingPathComponent("en.json"))
        }
        #expect(
            rest == [
                "content/en:1:1: error: this symbolic link points outside the content folder (to \(outside.path)/en) and is not followed; copy the file in instead",
                "content/strings/en.json:1:1: error: this symbolic link points outside the content folder (to \(outside.path)/en.json) and is not followed; copy the file in instead",
            ])
    }

    @Test func aFactsFolderLinkedFromOutsideIsRefused() throws {
        let outside = try Fixtures.temporaryDirectory()
        let found = try errors { work in
            let facts = work.appendingPathComponent("content/facts")
            try FileManager.default.moveItem(at: facts, to: outside.appendingPathComponent("facts"))
            try FileManager.default.createSymbolicLink(at: facts, withDestinationURL: outside.appendingPathComponent("facts"))
        }
        let refusal =
            "content/facts:1:1: error: this symbolic link points outside the content folder (to \(outside.path)/facts) and is not followed; copy the file in instead"
        #expect(found.contains(refusal))
        // The rest are the facts the pages then miss.
        #expect(
            found.filter { $0 != refusal }.allSatisfy {
                $0.contains("there is no fact \"demo.") || $0.contains("the campaign \"demo\" has no deadline")
            })
    }

    @Test func namesThatDifferOnlyByNormalisationOrCaseAreErrors() throws {
        let found = try errors { work in
            let guides = work.appendingPathComponent("content/en/guides")
            let page = "{\"title\": \"Café\", \"slug\": \"cafe\"}\n\nText.\n"
            try page.write(toFile: guides.path + "/caf\u{E9}.md", atomically: false, encoding: .utf8)
            try page.write(toFile: guides.path + "/cafe\u{301}.md", atomically: false, encoding: .utf8)
            try page.replacingOccurrences(of: "cafe", with: "notes-a").write(
                toFile: guides.path + "/Notes.md", atomically: false, encoding: .utf8)
            try page.replacingOccurrences(of: "cafe", with: "notes-b").write(
                toFile: guides.path + "/notes.md", atomically: false, encoding: .utf8)
        }
        #expect(
            found == [
                "content/en/guides/caf\u{E9}.md:1:1: error: this file's name is the same as \"cafe\u{301}.md\" once Unicode normalisation and letter case are ignored, so web hosts would treat them as one file; rename or merge one of them",
                "content/en/guides/notes.md:1:1: error: this file's name is the same as \"Notes.md\" once Unicode normalisation and letter case are ignored, so web hosts would treat them as one file; rename or merge one of them",
            ])
    }
}
