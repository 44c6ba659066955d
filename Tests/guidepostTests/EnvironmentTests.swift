import Diagnostics
import Foundation
import Site
import Testing

@testable import guidepost

/// `--now`, `SOURCE_DATE_EPOCH`, `--base-url` and the `PATH`: what the command line reads and its exact
/// messages (issue 14, items 10 and 15); the core gets plain values.
@Suite struct EnvironmentTests {
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

    @Test func nowComesFromTheFlagThenSourceDateEpoch() throws {
        #expect(
            try BuildOptions.resolveNow(flag: "2025-05-26T14:00:00+02:00", environment: [:]) == Date(timeIntervalSince1970: 1_748_260_800))
        #expect(
            try BuildOptions.resolveNow(flag: nil, environment: ["SOURCE_DATE_EPOCH": "1748260800"])
                == Date(timeIntervalSince1970: 1_748_260_800))
        #expect(throws: ValidationFailure.self) { try BuildOptions.resolveNow(flag: "yesterday", environment: [:]) }
    }

    @Test func pagefindIsLookedForOnThePath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guidepost-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tool = folder.appendingPathComponent("pagefind")
        try Data("#!/bin/sh\n".utf8).write(to: tool)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        #expect(executableOnPath("pagefind", environment: ["PATH": "/no/such:\(folder.path)"]) == tool.path)
        #expect(executableOnPath("pagefind", environment: ["PATH": "/no/such"]) == nil)
        #expect(executableOnPath("pagefind", environment: [:]) == nil)
    }

    @Test func theCoresMessagesEndWithTheCommandLinesAdvice() {
        let advice = BuildOptions.commandLineAdvice
        #expect(
            SiteError.pagefindNotFound(SourceLocation(path: "content/site.json"), path: "", install: advice.installPagefind).description
                == #"content/site.json:1:1: error: "search" is on but Pagefind was not found on the PATH; install it (pip install 'pagefind[bin]', or make site), pass --pagefind <path>, or set "search": false in content/site.json"#
        )
        #expect(
            SiteError.toolTimedOut(SourceLocation(path: "pagefind"), tool: "Pagefind", seconds: 2, advice: advice.pagefindTimeout).message
                == "Pagefind did not finish within 2 s and was stopped; check that it works on its own, or allow more time with --pagefind-timeout"
        )
        #expect(advice.lockedOutput == "leave out --no-wait to wait for it")
        #expect(
            SiteError.staleTranslation(SourceLocation(path: "content/en/a.md"), source: "content/fr/a.md", mark: advice.markTranslation)
                .message
                == "the source page content/fr/a.md changed since this translation was made; update the translation, then run guidepost translations mark"
        )
        #expect(advice.newPages == "guidepost new")
    }
}
