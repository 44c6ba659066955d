import Diagnostics
import Foundation
import Site
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `translations mark` changes only the hash's bytes, whatever the line endings, keeps a byte-order mark,
/// the mode, owner and group, saves atomically, and refuses links, paths outside content and the source
/// language (issue 14, item 6).
@Suite struct MarkTranslationTests {
    let fixture = TranslationWorkflowTests.fixture

    /// A copy of the translations fixture whose `nl/headings.md` holds `bytes`.
    func site(withTranslation bytes: (String) -> [UInt8]) throws -> (options: BuildOptions, translation: String) {
        let work = try Fixtures.temporaryDirectory()
        let content = work.appendingPathComponent("content")
        try FileManager.default.copyItem(at: fixture, to: content)
        let translation = content.appendingPathComponent("nl/headings.md").path
        let text = try String(contentsOfFile: translation, encoding: .utf8)
        try Data(bytes(text)).write(to: URL(fileURLWithPath: translation))
        let source = content.appendingPathComponent("fr/headings.md")
        try (String(contentsOf: source, encoding: .utf8) + "\nUn paragraphe de plus.\n").write(
            to: source, atomically: true, encoding: .utf8)
        let options = TranslationWorkflowTests().options(content)
        return (options, translation)
    }

    /// The new hash `mark` writes (read back from the file after marking).
    func hash(in bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let range = text.range(of: "\"sourceHash\": \"") else { return nil }
        return String(text[range.upperBound...].prefix(12))
    }

    @Test(arguments: ["\r", "\r\n", "\n"]) func onlyTheHashChangesWhateverTheLineEndings(lineBreak: String) throws {
        let (options, translation) = try site { text in
            Array(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: lineBreak)).utf8)
        }
        #expect(chmod(translation, 0o640) == 0)
        #expect(chown(translation, 1234, 5678) == 0)
        let before = try [UInt8](Data(contentsOf: URL(fileURLWithPath: translation)))
        _ = try Guidepost.markTranslation(options, page: "headings.md", language: "nl")
        let after = try [UInt8](Data(contentsOf: URL(fileURLWithPath: translation)))
        let old = try #require(hash(in: before))
        let new = try #require(hash(in: after))
        #expect(old != new)
        #expect(after == Array(String(decoding: before, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8))
        #expect(after.starts(with: [0xEF, 0xBB, 0xBF]))
        var info = stat()
        #expect(stat(translation, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o640)
        #expect(info.st_uid == 1234 && info.st_gid == 5678)
        let status = try Guidepost.translationStatus(options).rows.first { $0.page == "headings.md" }?.status["nl"]
        #expect(status == .current)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: translation).deletingLastPathComponent().path).sorted()
                == ["guide.md", "headings.md", "index.md"], "no temporary file is left")
    }

    @Test func aMissingHashIsInsertedWithTheFilesOwnLineBreak() throws {
        let (options, translation) = try site { text in
            let withoutHash = text.replacingOccurrences(of: #"\"sourceHash\": \"[0-9a-f]+\",\s*"#, with: "", options: .regularExpression)
            return Array(
                withoutHash.replacingOccurrences(of: "{", with: "{\n  ", options: [], range: withoutHash.range(of: "{"))
                    .replacingOccurrences(of: "\n", with: "\r").utf8)
        }
        _ = try Guidepost.markTranslation(options, page: "headings.md", language: "nl")
        let after = String(decoding: try Data(contentsOf: URL(fileURLWithPath: translation)), as: UTF8.self)
        #expect(after.hasPrefix("{\r  \"sourceHash\": \""))
        #expect(!after.contains("\n"))
    }

    @Test func linksPathsOutsideContentAndTheSourceLanguageAreRefused() throws {
        let (options, translation) = try site { Array($0.utf8) }
        let outside = try Fixtures.temporaryDirectory().appendingPathComponent("headings.md").path
        try FileManager.default.moveItem(atPath: translation, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: translation, withDestinationPath: outside)
        let before = try Data(contentsOf: URL(fileURLWithPath: outside))
        #expect(throws: BuildFailure.self) { _ = try Guidepost.markTranslation(options, page: "headings.md", language: "nl") }
        do { _ = try Guidepost.markTranslation(options, page: "headings.md", language: "nl") } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(options.contentDirectory)/nl/headings.md:1:1: error: this symbolic link points outside the content folder (to \(outside)) and is not followed; copy the file in instead"
                ])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: outside)) == before)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: translation)) == outside, "the link is still a link")
        // A link inside the content folder is refused too: mark edits only real files.
        try FileManager.default.removeItem(atPath: translation)
        try FileManager.default.copyItem(atPath: outside, toPath: translation + ".real")
        try FileManager.default.createSymbolicLink(atPath: translation, withDestinationPath: "headings.md.real")
        do { _ = try Guidepost.markTranslation(options, page: "headings.md", language: "nl") } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(options.contentDirectory)/nl/headings.md:1:1: error: this translation is a symbolic link; Guidepost edits only real files, so replace the link with the file itself"
                ])
        }
        do { _ = try Guidepost.markTranslation(options, page: "headings.md", language: "fr") } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(options.contentDirectory)/fr/headings.md:1:1: error: \"fr\" is the source language, whose pages are the originals, not translations; name the language of the translation you reviewed"
                ])
        }
        do { _ = try Guidepost.markTranslation(options, page: "headings.md", language: "de") } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(options.contentDirectory)/site.json:1:1: error: \"de\" is not one of the languages in content/site.json; add it there or fix the code"
                ])
        }
    }
}
