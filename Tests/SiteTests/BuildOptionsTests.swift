import Foundation
import Site
import Testing

/// `--now`, `SOURCE_DATE_EPOCH` and `--base-url`: exact messages, and no value crashes a build (issue 14, items 10 and 15).
@Suite struct BuildOptionsTests {
    func failure(_ flag: String?, environment: [String: String] = [:]) -> String? {
        do {
            _ = try BuildOptions.resolveNow(flag: flag, environment: environment)
            return nil
        } catch { return "\(error)" }
    }

    @Test(arguments: [
        (
            "2026-02-30T10:00:00Z",
            #"--now: "2026-02-30T10:00:00Z" is not a real calendar date (February 2026 has 28 days); write a date that exists"#
        ),
        ("2025-13-01", #"--now: "2025-13-01" is not a real calendar date (months go from 01 to 12); write a date that exists"#),
        (
            "0000-01-01T00:00:00Z",
            #"--now: "0000-01-01T00:00:00Z" is not a real calendar date (years start at 0001); write a date that exists"#
        ),
        (
            "2025-05-24T10:00:00+99:99",
            #"--now: "2025-05-24T10:00:00+99:99" has an impossible offset +99:99; write Z or ±HH:MM, with hours up to 23 and minutes up to 59"#
        ),
        ("2025-05-24T24:00:00Z", #"--now: "2025-05-24T24:00:00Z" has an impossible time; hours go up to 23, minutes and seconds up to 59"#),
        ("2025-05-24T10:00:60Z", #"--now: "2025-05-24T10:00:60Z" has an impossible time; hours go up to 23, minutes and seconds up to 59"#),
        ("yesterday", #"--now: "yesterday" is not an ISO 8601 instant; write e.g. 2025-05-26T12:00:00Z or 2025-05-26T14:00:00+02:00"#),
        (
            "2025-05-24T10:00:00",
            #"--now: "2025-05-24T10:00:00" is not an ISO 8601 instant; write e.g. 2025-05-26T12:00:00Z or 2025-05-26T14:00:00+02:00"#
        ),
    ])
    func refusesImpossibleNow(flag: String, message: String) {
        #expect(failure(flag) == message)
    }

    @Test func acceptsEveryRFC3339Form() throws {
        #expect(
            try BuildOptions.resolveNow(flag: "2025-05-26T14:00:00+02:00", environment: [:]) == Date(timeIntervalSince1970: 1_748_260_800))
        #expect(
            try BuildOptions.resolveNow(flag: "2025-05-26T12:00:00.500Z", environment: [:]) == Date(timeIntervalSince1970: 1748260800.5))
        #expect(try BuildOptions.resolveNow(flag: "2025-05-26", environment: [:]) == Date(timeIntervalSince1970: 1_748_217_600))
        #expect(try BuildOptions.resolveNow(flag: "9999-12-31T23:59:59Z", environment: [:]) == Date(timeIntervalSince1970: 253_402_300_799))
    }

    @Test func sourceDateEpochMustBeInRange() throws {
        let range = "is out of range; use a whole number of seconds from 0 (1970-01-01T00:00:00Z) to 253402300799 (9999-12-31T23:59:59Z)"
        #expect(failure(nil, environment: ["SOURCE_DATE_EPOCH": "253402300800"]) == "SOURCE_DATE_EPOCH=253402300800 " + range)
        #expect(failure(nil, environment: ["SOURCE_DATE_EPOCH": "-1"]) == "SOURCE_DATE_EPOCH=-1 " + range)
        #expect(failure(nil, environment: ["SOURCE_DATE_EPOCH": "9223372036854775807"]) == "SOURCE_DATE_EPOCH=9223372036854775807 " + range)
        #expect(
            try BuildOptions.resolveNow(flag: nil, environment: ["SOURCE_DATE_EPOCH": "253402300799"])
                == Date(timeIntervalSince1970: 253_402_300_799))
    }

    /// Used to crash (SIGILL) on a force-unwrapped nil: the deadline's day in Brussels is in year 10000.
    @Test(arguments: ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59"])
    func buildsAtTheEdgesOfTime(now: String) throws {
        let site = try ValueSite()
        let summary = try Guidepost.build(site.options(now: try #require(BuildOptions.parseInstant(now))))
        #expect(summary.description.hasPrefix("built 9 pages"))
        let page = try String(contentsOf: site.output.appendingPathComponent("en/guides/steps/index.html"), encoding: .utf8)
        #expect(page.contains("data-state=\"") && page.contains("2025-05-27T00:00:00+02:00"))
    }

    @Test func baseURLFlagIsChecked() throws {
        let advice = #"; write an absolute address such as "https://example.org/guide/" (http or https, a host, no ? or #)"#
        #expect(throws: Never.self) { try BuildOptions.checkBaseURL(nil) }
        #expect(throws: Never.self) { try BuildOptions.checkBaseURL("https://example.org/guide") }
        do {
            try BuildOptions.checkBaseURL("javascript:alert(1)//")
            Issue.record("accepted")
        } catch {
            #expect(error.description == #"--base-url: "javascript:alert(1)//" is not an absolute http(s) URL"# + advice)
        }
        do {
            try BuildOptions.checkBaseURL("https://example.org/?x=1")
            Issue.record("accepted")
        } catch {
            #expect(error.description == #"--base-url: "https://example.org/?x=1" has a query (?x=1)"# + advice)
        }
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
