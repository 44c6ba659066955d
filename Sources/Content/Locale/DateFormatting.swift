import Foundation

/// Writes dates and numbers the way a locale writes them in running text, through Foundation's ICU and CLDR:
/// "27 mai 2025", "27. Mai 2025", "27 maja 2025", "2025年5月27日", "٢٧ مايو، ٢٠٢٥".
///
/// One instance per locale, shared by every page: the formatters are made once, their results for a
/// date are kept, and a lock serialises the formatters (Foundation does not promise that a
/// `DateFormatter` or `NumberFormatter` can be used from several threads at once).
public final class DateFormatting: @unchecked Sendable {
    /// Refinements beyond CLDR, as data, each asked for by a cited authority.
    ///
    /// French writes the first day of a month as the ordinal "1er" ("1er mai 2025"): Imprimerie nationale,
    /// *Lexique des règles typographiques en usage à l'Imprimerie nationale* (2002), "Dates"; Office québécois
    /// de la langue française, *Banque de dépannage linguistique*, "Date: écriture du premier jour du mois".
    /// CLDR's French pattern prints "1 mai 2025".
    public static let firstDayOfMonth: [String: String] = ["fr": "1er"]

    /// The ICU locale identifier, e.g. `fr_BE`.
    public let identifier: String
    private let lock = NSLock()
    private let locale: Locale
    private let calendar: Calendar
    /// The refinement of the first day of a month for this language ("1er"), if any.
    private let ordinal: String?
    private let date: DateFormatter
    private var dates: [CalendarDate: String] = [:]
    // Made when first asked for, under `lock`: each costs ICU a pattern lookup per property Foundation sets, and
    // most builds never write a time, a month without its day or a number in some languages.
    private var firstDayFormatter: DateFormatter??
    private var dateTimeFormatter: DateFormatter?
    private var firstDayTimeFormatter: DateFormatter??
    private var numberFormatter: NumberFormatter?
    private var monthYearFormatter: DateFormatter?

    /// The formats of the ICU locale `identifier` (`language` picks the refinements above).
    public init(identifier: String, language: String) {
        self.identifier = identifier
        locale = Locale(identifier: identifier)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.locale = locale
        self.calendar = calendar
        let base = language.split(separator: "-").first.map(String.init) ?? language
        ordinal = DateFormatting.firstDayOfMonth[base]
        date = DateFormatting.formatter(locale: locale, calendar: calendar, time: .none)
    }

    private static func formatter(locale: Locale, calendar: Calendar, time: DateFormatter.Style) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateStyle = .long
        formatter.timeStyle = time
        return formatter
    }

    /// A copy of `original` whose day field is the language's ordinal (nil when the language has none).
    private func withOrdinal(_ original: DateFormatter) -> DateFormatter? {
        guard let ordinal else { return nil }
        let copy = DateFormatting.formatter(locale: locale, calendar: calendar, time: original.timeStyle)
        copy.dateFormat = DateFormatting.replacingDay(in: original.dateFormat, with: ordinal)
        return copy
    }

    /// The formatter in `slot`, made by `make` the first time (call under `lock`).
    private func made<Formatter>(_ slot: inout Formatter?, _ make: () -> Formatter) -> Formatter {
        if let made = slot { return made }
        let made = make()
        slot = made
        return made
    }

    private var firstDay: DateFormatter? { made(&firstDayFormatter) { withOrdinal(date) } }

    private var dateTime: DateFormatter {
        made(&dateTimeFormatter) { DateFormatting.formatter(locale: locale, calendar: calendar, time: .short) }
    }

    private var firstDayTime: DateFormatter? { made(&firstDayTimeFormatter) { withOrdinal(dateTime) } }

    private var number: NumberFormatter {
        made(&numberFormatter) {
            let formatter = NumberFormatter()
            formatter.locale = locale
            formatter.numberStyle = .decimal
            return formatter
        }
    }

    private var monthYear: DateFormatter {
        made(&monthYearFormatter) {
            let formatter = DateFormatter()
            formatter.locale = locale
            formatter.calendar = calendar
            formatter.timeZone = calendar.timeZone
            formatter.setLocalizedDateFormatFromTemplate("MMMMy")
            return formatter
        }
    }

    /// "27 mai 2025"; French writes the first of the month "1er mai 2025".
    public func format(_ day: CalendarDate) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = dates[day] { return known }
        let moment = DateFormatting.noonUTC(day)
        let text = (day.day == 1 ? firstDay : nil)?.string(from: moment) ?? date.string(from: moment)
        dates[day] = text
        return text
    }

    /// The date, and the time when it is not midnight, on the instant's own wall clock: "27 mai 2025 à 14:00".
    public func format(_ instant: Instant) -> String {
        if instant.hour == 0, instant.minute == 0, instant.second == 0 { return format(instant.localDate) }
        lock.lock()
        defer { lock.unlock() }
        let formatter = (instant.localDate.day == 1 ? firstDayTime : nil) ?? dateTime
        formatter.timeZone = TimeZone(identifier: instant.timeZone) ?? TimeZone(identifier: "UTC")!
        defer { formatter.timeZone = TimeZone(identifier: "UTC")! }
        return formatter.string(from: instant.date)
    }

    /// A number with the locale's digits, decimal and grouping separators, keeping the decimals written
    /// (1234.50 → "1 234,50" in French, "1.234,50" in Dutch, "١٬٢٣٤٫٥٠" in Egyptian Arabic).
    public func format(number value: Double, text: String) -> String {
        let lower = text.lowercased()
        let decimals: Int
        if lower.contains("e") {
            decimals = 15
        } else if let dot = lower.firstIndex(of: ".") {
            decimals = lower.distance(from: dot, to: lower.endIndex) - 1
        } else {
            decimals = 0
        }
        lock.lock()
        defer { lock.unlock() }
        number.minimumFractionDigits = lower.contains("e") ? 0 : decimals
        number.maximumFractionDigits = decimals
        return number.string(from: NSNumber(value: value)) ?? text
    }

    /// "mai 2025": a month and its year, for sources that give no day.
    public func format(month day: CalendarDate) -> String {
        lock.lock()
        defer { lock.unlock() }
        monthYear.timeZone = TimeZone(identifier: "UTC")!
        return monthYear.string(from: DateFormatting.noonUTC(day))
    }

    /// British English formats, for error messages (which are written in English).
    public static let english = DateFormatting(identifier: "en_GB", language: "en")

    /// The English name of `month` (1 to 12), for messages.
    public static func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][
            month - 1]
    }

    /// `pattern` with its day field (`d`, outside quotes) replaced by the literal `ordinal`.
    static func replacingDay(in pattern: String, with ordinal: String) -> String {
        var result = ""
        var quoted = false
        var replaced = false
        for character in pattern {
            if character == "'" { quoted.toggle() }
            if character == "d", !quoted {
                if !replaced { result += "'" + ordinal.replacingOccurrences(of: "'", with: "''") + "'" }
                replaced = true
                continue
            }
            result.append(character)
        }
        return result
    }

    private static func noonUTC(_ day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400 + 43_200)
    }
}
