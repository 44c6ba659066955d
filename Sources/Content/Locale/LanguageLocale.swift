import CLDR
import Foundation

/// One site language's CLDR data through ICU: its locale, date and number formats, plural rules, direction.
public struct LanguageLocale: Sendable {
    /// The site's language code (`fr`, `pt-br`).
    public let language: String
    /// The ICU locale identifier formatting uses (`fr_BE`, `pt_BR`).
    public let identifier: String
    /// Dates, times and numbers.
    public let formats: DateFormatting
    /// Cardinal plural categories.
    public let plurals: PluralRules
    /// Whether the language is written right to left (`<html dir="rtl">`).
    public let isRightToLeft: Bool
    /// CLDR's default numbering system of the locale (`latn`, `arab` for `ar_EG`), so the script writes counts alike.
    public let numberingSystem: String

    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [String: LanguageLocale] = [:]

    /// The data of `language` formatted as `locale` (`fr_BE`, `pt-BR`), or nil when CLDR has no data for
    /// that locale: no language silently borrows another's rules. Made once per process and shared.
    public static func make(language: String, locale: String) -> LanguageLocale? {
        let identifier = ICU.identifier(locale)
        guard ICU.knows(identifier) else { return nil }
        return shared(language: language, identifier: identifier)
    }

    /// CLDR's root locale (no language's rules: "2025 M05 27", every count `other`), for a language that
    /// `SiteConfig.parse` would already have rejected; it never stands in for a real language.
    static func root(language: String) -> LanguageLocale {
        // ICU always has its root locale: opening its plural rules fails only when memory does.
        shared(language: language, identifier: "root")!
    }

    private static func shared(language: String, identifier: String) -> LanguageLocale? {
        let key = language + " " + identifier
        lock.lock()
        defer { lock.unlock() }
        if let known = made[key] { return known }
        guard let plurals = PluralRules(identifier: identifier) else { return nil }
        let result = LanguageLocale(
            language: language, identifier: identifier,
            formats: DateFormatting(identifier: identifier, language: language),
            plurals: plurals, isRightToLeft: ICU.isRightToLeft(identifier),
            numberingSystem: Locale(identifier: identifier).numberingSystem.identifier)
        made[key] = result
        return result
    }
}
