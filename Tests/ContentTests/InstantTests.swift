import Content
import Foundation
import Testing

/// Local date-times in a zone must name exactly one moment, and every rendering of it must agree (issue 14, item 16).
@Suite struct InstantTests {
    func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// The UTC stamp of the build's "now" (feeds, build.json, the summary) is written without an ICU formatter,
    /// and must read exactly as Foundation's `ISO8601DateFormatter` writes it, fractions of a second included.
    @Test func utcStampsReadAsFoundationWritesThem() {
        let reference = ISO8601DateFormatter()
        reference.formatOptions = [.withInternetDateTime]
        var moments: [Double] = [
            0, -0.5, -1, 0.999, 1_763_798_400, 1_748_296_800.75, -86_400, -86_399.5, 951_782_400, 4_107_542_399.9,
            -62_135_596_800, 253_402_300_799, 253_402_300_800, -12_219_292_800, -12_219_292_800.5, -12_219_292_801,
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            moments.append(Double(Int64(bitPattern: state) % 40_000_000_000) + Double(state % 1_000) / 1_000)
        }
        let different = moments.filter {
            Instant.utcStamp(Date(timeIntervalSince1970: $0)) != reference.string(from: Date(timeIntervalSince1970: $0))
        }
        #expect(different.isEmpty, "\(different.prefix(5).map { (Instant.utcStamp(Date(timeIntervalSince1970: $0)), $0) })")
    }

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
