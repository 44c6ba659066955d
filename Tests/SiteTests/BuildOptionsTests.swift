import Foundation
import Site
import Testing

/// No "now" or base URL crashes a build (issue 14, items 10 and 15); the flags' messages are tested in guidepostTests.
@Suite struct BuildOptionsTests {
    /// Used to crash (SIGILL) on a force-unwrapped nil: the deadline's day in Brussels is in year 10000.
    @Test(arguments: ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59"])
    func buildsAtTheEdgesOfTime(now: String) throws {
        let site = try ValueSite()
        let summary = try Guidepost.build(site.options(now: try #require(BuildOptions.parseInstant(now))))
        #expect(summary.description.hasPrefix("built 9 pages"))
        let page = try String(contentsOf: site.output.appendingPathComponent("en/guides/steps/index.html"), encoding: .utf8)
        #expect(page.contains("data-state=\"") && page.contains("2025-05-27T00:00:00+02:00"))
    }

    /// A base URL without its trailing slash still gives page URLs under it.
    @Test func missingTrailingSlashIsAdded() throws {
        let site = try ValueSite()
        var options = site.options()
        options.baseURL = "https://example.net/sub"
        _ = try Guidepost.build(options)
        let page = try String(contentsOf: site.output.appendingPathComponent("en/index.html"), encoding: .utf8)
        #expect(page.contains("href=\"https://example.net/sub/en/\""))
    }
}
