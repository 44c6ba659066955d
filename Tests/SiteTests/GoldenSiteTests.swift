import Foundation
import Site
import Testing

/// Builds each fixture site under `Tests/Fixtures/<case>/content` with the project's templates and
/// compares every file with `Tests/Fixtures/<case>/expected/`. Re-record with `GUIDEPOST_RECORD=1`.
@Suite struct GoldenSiteTests {
    static let cases = ["basic"]

    @Test(arguments: cases) func matchesExpectedOutput(name: String) throws {
        let fixture = Fixtures.directory.appendingPathComponent(name)
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("site")
        let options = BuildOptions(contentDirectory: fixture.appendingPathComponent("content").path,
                                   templatesDirectory: Fixtures.root.appendingPathComponent("templates").path,
                                   outputDirectory: output.path, now: Fixtures.now)
        _ = try Guidepost.build(options)
        let expected = fixture.appendingPathComponent("expected")
        if Fixtures.recording {
            try? FileManager.default.removeItem(at: expected)
            try FileManager.default.copyItem(at: output, to: expected)
            return
        }
        let actualFiles = try Fixtures.snapshot(output)
        let expectedFiles = try Fixtures.snapshot(expected)
        #expect(actualFiles.keys.sorted() == expectedFiles.keys.sorted())
        for (path, data) in expectedFiles.sorted(by: { $0.key < $1.key }) {
            #expect(actualFiles[path] == data, "\(path) differs from the golden copy; run GUIDEPOST_RECORD=1 swift test to re-record if the change is intended")
        }
    }

    @Test func buildsAreByteIdenticalForTheSameNow() throws {
        let fixture = Fixtures.directory.appendingPathComponent("basic/content").path
        let templates = Fixtures.root.appendingPathComponent("templates").path
        let first = try Guidepost.buildInMemory(BuildOptions(contentDirectory: fixture, templatesDirectory: templates, now: Fixtures.now))
        let second = try Guidepost.buildInMemory(BuildOptions(contentDirectory: fixture, templatesDirectory: templates, now: Fixtures.now))
        #expect(first.files == second.files)
    }
}
