import Foundation
import Site
import Testing

/// Zola's `test_sites_invalid/`: each case under `Tests/Fixtures/invalid/<case>/` overlays files on
/// `_base/` (a valid site) and lists the exact errors the build must report in `expected-errors.txt`.
/// Each build must fail and leave the previous output byte for byte as it was.
@Suite struct InvalidSiteTests {
    static let corpus = Fixtures.directory.appendingPathComponent("invalid")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
        .filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted()

    /// Builds the case in a fresh folder; returns the error lines, paths relative to that folder.
    static func build(_ name: String, prepare: (URL) throws -> Void = { _ in }) throws -> (errors: [String], outputUnchanged: Bool) {
        let work = try Fixtures.temporaryDirectory()
        try Fixtures.overlay(corpus.appendingPathComponent("_base"), onto: work)
        try FileManager.default.copyItem(
            at: Fixtures.root.appendingPathComponent("templates"), to: work.appendingPathComponent("templates"))
        try Fixtures.overlay(corpus.appendingPathComponent(name), onto: work)
        try? FileManager.default.removeItem(at: work.appendingPathComponent("expected-errors.txt"))
        try prepare(work)
        // A previous site that must survive the failed build untouched.
        let output = work.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("fr"), withIntermediateDirectories: true)
        try Data("previous build".utf8).write(to: output.appendingPathComponent("fr/index.html"))
        try Data("guidepost-output 1\n".utf8).write(to: output.appendingPathComponent(".guidepost-output"))
        // A case may bring the previous build's record (its URL list), e.g. to test a URL that disappears.
        let previous = corpus.appendingPathComponent(name).appendingPathComponent("previous-site")
        if FileManager.default.fileExists(atPath: previous.path) {
            try Fixtures.overlay(previous, onto: output)
            try? FileManager.default.removeItem(at: work.appendingPathComponent("previous-site"))
        }
        let before = try Fixtures.snapshot(output)
        let options = BuildOptions(
            contentDirectory: work.appendingPathComponent("content").path,
            templatesDirectory: work.appendingPathComponent("templates").path,
            outputDirectory: output.path, now: Fixtures.now)
        var lines: [String] = []
        do {
            _ = try Guidepost.build(options)
        } catch {
            lines = error.diagnostics.map { $0.description.replacingOccurrences(of: work.path + "/", with: "") }
        }
        // The lock file is taken before the first page is written (pages go to the spare folder as they are
        // rendered) and is never deleted (see `OutputLock`); a spare this build made must be gone.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter {
            $0.hasPrefix(".site") && $0 != ".site.lock"
        }
        return (lines, try Fixtures.snapshot(output) == before && leftovers.isEmpty)
    }

    @Test func corpusIsNotEmpty() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases) func reportsExactErrorsAndKeepsOutput(name: String) throws {
        let result = try Self.build(name) { work in
            if name == "invalid-utf8" {
                try Data([0x7B, 0x22, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x22, 0x3A, 0x20, 0x22, 0xC3, 0x28, 0x22, 0x7D, 0x0A])
                    .write(to: work.appendingPathComponent("content/nl/index.md"))
            }
            if name == "huge-markdown-file" {
                let line = String(repeating: "Une ligne de texte assez longue pour remplir le fichier. ", count: 20) + "\n"
                let body = "{\"title\": \"Énorme\"}\n\n" + String(repeating: line, count: 20_000_000 / line.utf8.count + 1)
                try body.write(to: work.appendingPathComponent("content/en/huge.md"), atomically: false, encoding: .utf8)
            }
            if name == "template-symlink-outside" {
                let base = work.appendingPathComponent("templates/base.mustache")
                try FileManager.default.moveItem(at: base, to: work.appendingPathComponent("base.mustache"))
                try FileManager.default.createSymbolicLink(atPath: base.path, withDestinationPath: "../base.mustache")
            }
            if name == "symlink-outside" {
                try FileManager.default.createSymbolicLink(
                    atPath: work.appendingPathComponent("content/en/leak.md").path, withDestinationPath: "/etc/hostname")
            }
        }
        let expectedFile = Self.corpus.appendingPathComponent(name).appendingPathComponent("expected-errors.txt")
        if Fixtures.recording {
            try (result.errors.joined(separator: "\n") + "\n").write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(!result.errors.isEmpty, "the build of \(name) should fail")
        #expect(result.errors == expected)
        #expect(result.outputUnchanged, "a failed build must leave the previous site untouched")
    }

    @Test func baseSiteBuilds() throws {
        #expect(try Self.build("_base").errors == [])
    }
}
