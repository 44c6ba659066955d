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

    /// Parses `YYYY-MM-DDTHH:MM[:SS]` as a wall-clock time in `timeZone`; nil for an impossible value.
    /// Throws nothing: an unknown zone also gives nil, so check the zone first with `Instant.isKnownZone`.
    public init?(local text: String, timeZone: String) {
        let halves = text.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2, let day = CalendarDate(iso: String(halves[0])) else { return nil }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
              let h = Int(clock[0]), let m = Int(clock[1]), let s = clock.count == 3 ? Int(clock[2]) : 0,
              (0...23).contains(h), (0...59).contains(m), (0...59).contains(s),
              let zone = TimeZone(identifier: timeZone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: h, minute: m, second: s)
        guard let date = calendar.date(from: components) else { return nil }
        self.localDate = day
        self.hour = h
        self.minute = m
        self.second = s
        self.timeZone = timeZone
        self.date = date
    }

    /// Whether `name` is a time zone the system knows.
    public static func isKnownZone(_ name: String) -> Bool { TimeZone(identifier: name) != nil }

    /// RFC 3339 with the zone's offset at that moment, e.g. `2025-05-27T00:00:00+02:00`.
    public var rfc3339: String {
        let offset = TimeZone(identifier: timeZone)?.secondsFromGMT(for: date) ?? 0
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        let pad = CalendarDate.padded
        return localDate.description + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + sign + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
    }

    /// The calendar date of `moment` on the wall clock of `zone`.
    public static func calendarDate(of moment: Date, in zone: String) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
