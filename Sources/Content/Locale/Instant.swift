import Foundation

/// A moment in time, written as a local date-time in a named IANA time zone.
public struct Instant: Hashable, Sendable {
    /// The wall-clock date in `timeZone`.
    public var localDate: CalendarDate
    /// Hours, minutes and seconds on that wall clock.
    public var hour: Int, minute: Int, second: Int
    /// The IANA zone name, e.g. `Europe/Brussels`.
    public var timeZone: String
    /// The absolute moment.
    public var date: Date
    /// The zone's offset from UTC at that moment, in seconds (`7200` for `+02:00`).
    public var offset: Int

    /// Parses `YYYY-MM-DDTHH:MM[:SS]` as a wall-clock time in `timeZone`; nil for an impossible value.
    /// Throws nothing: an unknown zone also gives nil, so check the zone first with `Instant.isKnownZone`.
    public init?(local text: String, timeZone: String) {
        guard case .success(let instant) = Instant.parse(local: text, timeZone: timeZone) else { return nil }
        self = instant
    }

    /// Why a local date-time does not name exactly one moment.
    public enum Problem: Error, Equatable, Sendable {
        /// Not `YYYY-MM-DDTHH:MM[:SS]` with an optional offset, or not a real calendar date or clock time.
        case notADateTime
        /// The rest of the sentence after the quoted value, e.g. `does not exist in Europe/Brussels: …`.
        case notOneMoment(String)
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS]`, optionally followed by `Z` or `±HH:MM`, as a wall-clock time in `timeZone`.
    ///
    /// A time the clocks skip (a DST gap) or show twice (a DST fold) is a problem that names the possible
    /// moments; an offset picks one of two, and must be the zone's offset at that time.
    public static func parse(local text: String, timeZone: String) -> Result<Instant, Problem> {
        guard let zone = TimeZone(identifier: timeZone) else { return .failure(.notADateTime) }
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2, let day = CalendarDate(iso: String(halves[0])) else { return .failure(.notADateTime) }
        var clockText = Substring(halves[1])
        var written: (text: String, seconds: Int?)?
        if clockText.hasSuffix("Z") {
            written = ("Z", 0)
            clockText = clockText.dropLast()
        } else if let sign = clockText.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offsetText = String(clockText[sign...])
            written = (offsetText, parseOffset(offsetText))
            clockText = clockText[..<sign]
        }
        let clock = clockText.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy({ $0.isASCII && $0.isNumber }) }),
            let h = Int(clock[0]), let m = Int(clock[1]), let s = clock.count == 3 ? Int(clock[2]) : 0,
            (0...23).contains(h), (0...59).contains(m), (0...59).contains(s)
        else { return .failure(.notADateTime) }
        let withSeconds = clock.count == 3
        let wall = day.daysSinceEpoch * 86_400 + h * 3600 + m * 60 + s
        func offset(at utc: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))) }
        let candidates = Set([offset(at: wall - 86_400), offset(at: wall), offset(at: wall + 86_400)])
        let valid = candidates.filter { offset(at: wall - $0) == $0 }.sorted(by: >)  // earlier moment first
        let before = offset(at: wall - 86_400)
        let after = offset(at: wall + 86_400)
        let clockName = clockText.description
        let dayName = DateFormatting.english.format(day)

        if let written {
            guard let seconds = written.seconds else {
                return .failure(
                    .notOneMoment(
                        "has an impossible offset \(written.text); write Z or ±HH:MM, with hours up to 23 and minutes up to 59 (or leave the offset out)"
                    ))
            }
            guard valid.contains(seconds) else {
                let possible = valid.map { "\(Instant.local(wall: wall, withSeconds: withSeconds))\(Instant.offsetText($0))" }
                let advice =
                    possible.isEmpty
                    ? "that time does not exist there"
                    : "write \(possible.map { "\"\($0)\"" }.joined(separator: " or ")) or leave the offset out"
                return .failure(
                    .notOneMoment("has the offset \(written.text), which \(timeZone) does not use at \(clockName) on \(dayName); \(advice)")
                )
            }
            return .success(Instant(utc: wall - seconds, offset: seconds, timeZone: timeZone))
        }
        switch valid.count {
        case 1:
            return .success(Instant(utc: wall - valid[0], offset: valid[0], timeZone: timeZone))
        case 0:
            let jump = transition(wall: wall, before: before, zone: zone)
            let later = wall - before + after
            let earlier = wall - after + before
            return .failure(
                .notOneMoment(
                    "does not exist in \(timeZone): on \(dayName) the clocks jump from \(jump.from) to \(jump.to); write \"\(Instant.local(wall: later, withSeconds: withSeconds))\" (\(Instant.clock(wall: later, withSeconds: withSeconds))\(Instant.offsetText(after))) or \"\(Instant.local(wall: earlier, withSeconds: withSeconds))\" (\(Instant.clock(wall: earlier, withSeconds: withSeconds))\(Instant.offsetText(before))), whichever you mean"
                ))
        default:
            let jump = transition(wall: wall, before: before, zone: zone)
            let choices = valid.enumerated().map {
                "\"\(text)\(Instant.offsetText($0.element))\" (the \($0.offset == 0 ? "first" : "second"))"
            }
            return .failure(
                .notOneMoment(
                    "happens twice in \(timeZone): on \(dayName) the clocks go back from \(jump.from) to \(jump.to); add the offset to say which: \(choices.joined(separator: " or "))"
                ))
        }
    }

    private init(utc: Int, offset: Int, timeZone: String) {
        let wall = utc + offset
        let days = Instant.floorDivide(wall, 86_400)
        let seconds = wall - days * 86_400
        self.localDate = CalendarDate(daysSinceEpoch: days)
        self.hour = seconds / 3600
        self.minute = seconds / 60 % 60
        self.second = seconds % 60
        self.timeZone = timeZone
        self.offset = offset
        self.date = Date(timeIntervalSince1970: TimeInterval(utc))
    }

    /// The wall clock just before and just after the zone's offset changes near `wall`.
    private static func transition(wall: Int, before: Int, zone: TimeZone) -> (from: String, to: String) {
        var low = wall - 86_400
        var high = wall + 86_400  // offset(low) == before, offset(high) != before
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(middle))) == before { low = middle } else { high = middle }
        }
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(high)))
        return (clock(wall: high + before, withSeconds: false), clock(wall: high + after, withSeconds: false))
    }

    /// `+HH:MM` in seconds, or nil when malformed or out of range.
    public static func parseOffset(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":"),
            [1, 2, 4, 5].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) })
        else { return nil }
        let hours = Int(bytes[1] - 48) * 10 + Int(bytes[2] - 48)
        let minutes = Int(bytes[4] - 48) * 10 + Int(bytes[5] - 48)
        guard hours <= 23, minutes <= 59 else { return nil }
        return (bytes[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// `+02:00` for 7200 seconds.
    static func offsetText(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + CalendarDate.padded(minutes / 60, 2) + ":" + CalendarDate.padded(minutes % 60, 2)
    }

    /// `HH:MM[:SS]` of a wall-clock second count.
    private static func clock(wall: Int, withSeconds: Bool) -> String {
        let seconds = wall - floorDivide(wall, 86_400) * 86_400
        let pad = CalendarDate.padded
        return pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + (withSeconds ? ":" + pad(seconds % 60, 2) : "")
    }

    /// `YYYY-MM-DDTHH:MM[:SS]` of a wall-clock second count.
    private static func local(wall: Int, withSeconds: Bool) -> String {
        CalendarDate(daysSinceEpoch: floorDivide(wall, 86_400)).description + "T" + clock(wall: wall, withSeconds: withSeconds)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Whether `name` is a time zone the system knows.
    public static func isKnownZone(_ name: String) -> Bool { TimeZone(identifier: name) != nil }

    /// RFC 3339 with the zone's offset at that moment, e.g. `2025-05-27T00:00:00+02:00`: the same wall clock the
    /// banner prints, and the same moment as `date`, since both come from `date` and `offset`.
    public var rfc3339: String {
        let pad = CalendarDate.padded
        return localDate.description + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + Instant.offsetText(offset)
    }

    /// `moment` in UTC to the second, as RFC 3339 writes it (`2026-11-22T08:00:00Z`): what Foundation's
    /// `ISO8601DateFormatter` writes with `.withInternetDateTime` from 15 October 1582 (ICU's switch from the
    /// Julian calendar) to the year 9999, without opening an ICU formatter (a noticeable part of a small build's
    /// start). Other moments go to that formatter.
    public static func utcStamp(_ moment: Date) -> String {
        let seconds = moment.timeIntervalSince1970
        // 1582-10-15T00:00:00Z is -12,219,292,800; the year 10,000 starts at 253,402,300,800.
        guard seconds.isFinite, seconds >= -12_219_292_800, seconds < 253_402_300_800 else {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.string(from: moment)
        }
        let whole = Int(seconds.rounded(.down))
        let day = CalendarDate(daysSinceEpoch: floorDivide(whole, 86_400))
        let time = whole - floorDivide(whole, 86_400) * 86_400
        let pad = CalendarDate.padded
        return day.description + "T" + pad(time / 3_600, 2) + ":" + pad(time / 60 % 60, 2) + ":" + pad(time % 60, 2) + "Z"
    }

    /// The calendar date of `moment` on the wall clock of `zone`; never fails, whatever the year.
    public static func calendarDate(of moment: Date, in zone: String) -> CalendarDate {
        let seconds = moment.timeIntervalSince1970
        let utc = seconds.isFinite ? Int(max(-1e14, min(1e14, seconds.rounded(.down)))) : 0
        let offset = TimeZone(identifier: zone)?.secondsFromGMT(for: moment) ?? 0
        return CalendarDate(daysSinceEpoch: floorDivide(utc + offset, 86_400))
    }
}
