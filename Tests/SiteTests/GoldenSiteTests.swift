import Foundation
import Site
import Testing

/// Builds each fixture site under `Tests/Fixtures/<case>/content` with its own minimal templates
/// (`Tests/Fixtures/<case>/templates/`, so a change of the theme re-records nothing here) and compares
/// every file with `Tests/Fixtures/<case>/expected/`. Re-record with `GUIDEPOST_RECORD=1`.
@Suite struct GoldenSiteTests {
    static let cases = ["basic", "campaigns", "translations", "navigation"]

    @Test(arguments: cases) func matchesExpectedOutput(name: String) throws {
        let fixture = Fixtures.directory.appendingPathComponent(name)
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("site")
        let options = BuildOptions(
            contentDirectory: fixture.appendingPathComponent("content").path,
            templatesDirectory: Fixtures.templates(of: name).path, outputDirectory: output.path, now: Fixtures.now)
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
            #expect(
                actualFiles[path] == data,
                "\(path) differs from the golden copy; run GUIDEPOST_RECORD=1 swift test to re-record if the change is intended")
        }
    }

    @Test func buildsAreByteIdenticalForTheSameNow() throws {
        let fixture = Fixtures.directory.appendingPathComponent("basic/content").path
        let templates = Fixtures.templates(of: "basic").path
        let first = try Guidepost.buildInMemory(BuildOptions(contentDirectory: fixture, templatesDirectory: templates, now: Fixtures.now))
        let second = try Guidepost.buildInMemory(BuildOptions(contentDirectory: fixture, templatesDirectory: templates, now: Fixtures.now))
        #expect(first.files == second.files)
    }
}

/// The campaigns fixture has one campaign in each state at its fixed "now" (24 May 2025, 10:00 UTC).
@Suite struct CampaignStateTests {
    @Test func homeListsEveryCampaignMostUrgentFirst() throws {
        let site = try Guidepost.buildInMemory(
            BuildOptions(
                contentDirectory: Fixtures.directory.appendingPathComponent("campaigns/content").path,
                templatesDirectory: Fixtures.root.appendingPathComponent("templates").path, now: Fixtures.now))
        let home = try #require(site.files.first { $0.path == "en/index.html" })
        let html = String(decoding: home.bytes, as: UTF8.self)
        let states = html.components(separatedBy: "data-state=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(states == ["last-day", "closing", "open", "open", "passed"])
        #expect(html.contains("<time datetime=\"2025-10-27T00:00:00+01:00\">27 October 2025</time>"))
        #expect(html.contains("<time datetime=\"2025-05-25T00:00:00+02:00\">25 May 2025</time>"))
        #expect(site.files.contains { $0.path == "calendar/autumn.nl.ics" })
    }
}
