import Content
import Foundation
import Testing

/// Local date-times in a zone must name exactly one moment, and every rendering of it must agree (issue 14, item 16).
@Suite struct InstantTests {
    func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func timeInADaylightSavingGapIsAnErrorNamingBothMoments() {
        #expect(Instant(local: "2025-03-30T02:30", timeZone: "Europe/Brussels") == nil)
        #expect(
            Instant.parse(local: "2025-03-30T02:30", timeZone: "Europe/Brussels")
                == .failure(
                    .notOneMoment(
                        #"does not exist in Europe/Brussels: on 30 March 2025 the clocks jump from 02:00 to 03:00; write "2025-03-30T03:30" (03:30+02:00) or "2025-03-30T01:30" (01:30+01:00), whichever you mean"#
                    )))
        #expect(
            Instant.parse(local: "2025-03-09T02:30:15", timeZone: "America/New_York")
                == .failure(
                    .notOneMoment(
                        #"does not exist in America/New_York: on 9 March 2025 the clocks jump from 02:00 to 03:00; write "2025-03-09T03:30:15" (03:30:15-04:00) or "2025-03-09T01:30:15" (01:30:15-05:00), whichever you mean"#
                    )))
    }

    @Test func timeInADaylightSavingFoldIsAnErrorUnlessAnOffsetPicksOne() throws {
        #expect(
            Instant.parse(local: "2025-10-26T02:30", timeZone: "Europe/Brussels")
                == .failure(
                    .notOneMoment(
                        #"happens twice in Europe/Brussels: on 26 October 2025 the clocks go back from 03:00 to 02:00; add the offset to say which: "2025-10-26T02:30+02:00" (the first) or "2025-10-26T02:30+01:00" (the second)"#
                    )))
        let first = try #require(Instant(local: "2025-10-26T02:30+02:00", timeZone: "Europe/Brussels"))
        let second = try #require(Instant(local: "2025-10-26T02:30+01:00", timeZone: "Europe/Brussels"))
        #expect(first.date == utc("2025-10-26T00:30:00Z"))
        #expect(second.date == utc("2025-10-26T01:30:00Z"))
        #expect(second.rfc3339 == "2025-10-26T02:30:00+01:00")
    }

    @Test func anOffsetMustBePossibleAndTheZones() {
        #expect(
            Instant.parse(local: "2025-05-27T00:00+99:99", timeZone: "Europe/Brussels")
                == .failure(
                    .notOneMoment(
                        "has an impossible offset +99:99; write Z or ±HH:MM, with hours up to 23 and minutes up to 59 (or leave the offset out)"
                    )))
        #expect(
            Instant.parse(local: "2025-05-27T00:00Z", timeZone: "Europe/Brussels")
                == .failure(
                    .notOneMoment(
                        #"has the offset Z, which Europe/Brussels does not use at 00:00 on 27 May 2025; write "2025-05-27T00:00+02:00" or leave the offset out"#
                    )))
        #expect(Instant(local: "2025-05-27T00:00+02:00", timeZone: "Europe/Brussels")?.date == utc("2025-05-26T22:00:00Z"))
        #expect(Instant.parse(local: "2026-02-30T00:00", timeZone: "Europe/Brussels") == .failure(.notADateTime))
        #expect(Instant.parse(local: "2025-05-27T24:00", timeZone: "Europe/Brussels") == .failure(.notADateTime))
    }

    /// The machine-readable `datetime` and the moment the banner counts down to are one computation.
    @Test func rfc3339NamesTheSameMomentAsDate() throws {
        let formatter = ISO8601DateFormatter()
        for text in ["2025-03-30T01:59:59", "2025-03-30T03:00", "2025-10-26T01:59", "2025-10-26T03:00", "2025-05-27T00:00:00"] {
            let instant = try #require(Instant(local: text, timeZone: "Europe/Brussels"))
            #expect(formatter.date(from: instant.rfc3339) == instant.date, "\(text) → \(instant.rfc3339)")
        }
    }

    @Test func calendarDateNeverFailsOnFarMoments() {
        #expect(Instant.calendarDate(of: utc("9999-12-31T23:59:59Z"), in: "Europe/Brussels").description == "10000-01-01")
        #expect(Instant.calendarDate(of: Date(timeIntervalSince1970: 1e300), in: "UTC").year > 9999)
    }
}
