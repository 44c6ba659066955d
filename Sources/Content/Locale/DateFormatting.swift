import Foundation

/// Writes dates the way each language writes them in running text: "27 mai 2025", "27 mei 2025", "27 May 2025".
public enum DateFormatting {
    private static let months: [String: [String]] = [
        "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    ]

    /// The English name of `month` (1 to 12), for messages.
    public static func monthName(_ month: Int) -> String { months["en"]![month - 1] }

    /// Languages whose date words are built in.
    public static var supportedLanguages: [String] { months.keys.sorted() }

    /// "27 mai 2025"; French writes the first of the month "1er mai 2025".
    public static func format(_ date: CalendarDate, language: String) -> String {
        let names = months[language] ?? months["en"]!
        let day = language == "fr" && date.day == 1 ? "1er" : "\(date.day)"
        let space = language == "de" ? ". " : " "
        return "\(day)\(space)\(names[date.month - 1]) \(date.year)"
    }

    /// "mai 2025": a month and its year, for sources that give no day.
    public static func format(month date: CalendarDate, language: String) -> String {
        let names = months[language] ?? months["en"]!
        return "\(names[date.month - 1]) \(date.year)"
    }

    /// The date, and the time when it is not midnight: "27 mai 2025 à 14:00".
    public static func format(_ instant: Instant, language: String) -> String {
        let day = format(instant.localDate, language: language)
        if instant.hour == 0, instant.minute == 0, instant.second == 0 { return day }
        let clock = "\(instant.hour < 10 ? "0" : "")\(instant.hour):\(instant.minute < 10 ? "0" : "")\(instant.minute)"
        let joiner = ["fr": "à", "nl": "om", "de": "um"][language] ?? "at"
        return "\(day) \(joiner) \(clock)"
    }

    /// A number with the language's decimal separator (1.5 → "1,5" in French and Dutch).
    public static func format(number: Double, text: String, language: String) -> String {
        guard text.contains(".") || text.contains("e") || text.contains("E") else { return text }
        let plain = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        return ["fr", "nl", "de"].contains(language) ? plain.replacingOccurrences(of: ".", with: ",") : plain
    }
}
