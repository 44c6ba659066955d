import CLDR
import Diagnostics

/// `content/site.json`: the languages, the site's titles, its base URL and its switches.
public struct SiteConfig: Sendable {
    /// The language codes, in the order the site lists them (e.g. `fr`, `nl`, `en`).
    public var languages: [String]
    /// The language translations are made from.
    public var sourceLanguage: String
    /// The site title in each language.
    public var title: LocalizedText
    /// The site description in each language.
    public var description: LocalizedText
    /// The absolute URL the site is published at, always ending in `/`.
    public var baseURL: String
    /// A deadline banner turns to "closing" when this many days or fewer are left.
    public var deadlineWarningDays: Int
    /// Whether raw HTML in Markdown reaches the output.
    public var allowRawHTML: Bool
    /// The campaigns (fact namespaces with a deadline) pages may join.
    public var campaigns: [String]
    /// Whether the site gets a Pagefind search index and a search box on every page.
    public var search: Bool
    /// The Open Graph locale of each language (`fr` → `fr_BE`); also the CLDR locale its dates, numbers and plurals follow.
    public var locales: [String: String]
    /// Languages still being translated (`"status": "draft"`): built and previewable, but `noindex` and
    /// left out of the switcher, hreflang, the sitemap, the feeds and the root chooser.
    public var draftLanguages: Set<String> = []
    /// Each language's CLDR data (formats, plural rules, direction), from ICU.
    public var localeData: [String: LanguageLocale] = [:]
    /// Where each campaign name was declared.
    public var campaignLocations: [String: SourceLocation]
    /// Where the file is, for errors about it as a whole.
    public var location: SourceLocation

    static let fields = ["languages", "sourceLanguage", "title", "description", "baseURL", "deadlineWarningDays", "allowRawHTML", "campaigns", "locales", "search"]

    /// Reads `site.json`, collecting every error.
    public static func parse(_ file: SourceText) -> Result<SiteConfig, BuildFailure> {
        var errors: [BuildError] = []
        let json: JSON
        do { json = try JSONParser.parse(file.text) } catch {
            return .failure(BuildFailure([.malformedJSON(file.location(error.position), detail: error.detail)]))
        }
        guard var reader = ObjectReader(json, in: file, field: "site.json", known: fields, errors: &errors) else {
            return .failure(BuildFailure(errors))
        }
        var drafts = Set<String>()
        let languages = readLanguages(&reader, drafts: &drafts)
        for (code, location) in languages where !SiteConfig.isLanguageCode(code) {
            reader.report(.unknownLanguage(location, code: code))
        }
        let codes = languages.map(\.0)
        let source = reader.string("sourceLanguage", required: true)
        if let (code, location) = source, !codes.contains(code) { reader.report(.unknownLanguage(location, code: code)) }
        if let (code, location) = source, drafts.contains(code) {
            reader.report(.wrongType(location, field: "sourceLanguage", expected: "a language whose status is not \"draft\" (translations are made from it)"))
        }
        let title = reader.localized("title", languages: codes, required: true)
        let description = reader.localized("description", languages: codes) ?? LocalizedText([:])
        var baseURL = reader.string("baseURL", required: true)?.0 ?? "/"
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let days = reader.integer("deadlineWarningDays") ?? 7
        let raw = reader.bool("allowRawHTML") ?? false
        let search = reader.bool("search") ?? false
        let campaigns = reader.strings("campaigns") ?? []
        var locales = Dictionary(codes.map { ($0, SiteConfig.defaultLocale($0)) }, uniquingKeysWith: { a, _ in a })
        var localeLocations = Dictionary(languages.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        if let json = reader.member("locales"), var table = ObjectReader(json, in: file, field: "locales", known: codes, errors: &errors) {
            for code in codes {
                guard let (locale, location) = table.string(code) else { continue }
                localeLocations[code] = location
                if SiteConfig.isLocale(locale) { locales[code] = ICU.identifier(locale) } else {
                    locales[code] = nil
                    table.report(.wrongType(location, field: "locales.\(code)", expected: "an Open Graph locale such as \"fr_BE\""))
                }
            }
            errors += table.errors
        }
        var localeData: [String: LanguageLocale] = [:]
        for code in codes where SiteConfig.isLanguageCode(code) {
            guard let locale = locales[code], let location = localeLocations[code] else { continue }
            if let data = LanguageLocale.make(language: code, locale: locale) { localeData[code] = data } else {
                reader.report(.unknownLocale(location, locale: locale))
            }
        }
        errors += reader.errors
        guard errors.isEmpty, let title, let source else { return .failure(BuildFailure(errors)) }
        var config = SiteConfig(
            languages: codes, sourceLanguage: source.0, title: title, description: description,
            baseURL: baseURL, deadlineWarningDays: days, allowRawHTML: raw,
            campaigns: campaigns.map(\.0), search: search, locales: locales,
            campaignLocations: Dictionary(campaigns.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }),
            location: reader.location)
        config.draftLanguages = drafts
        config.localeData = localeData
        return .success(config)
    }

    /// The languages readers are offered: every language but the drafts, in site order.
    public var publishedLanguages: [String] { languages.filter { !draftLanguages.contains($0) } }

    /// The CLDR data of `language` (every language of the site has some: `parse` rejects a locale ICU does not know).
    public func locale(_ language: String) -> LanguageLocale {
        localeData[language] ?? LanguageLocale.make(language: language, locale: language) ?? LanguageLocale.root(language: language)
    }

    /// `languages`: each item a code (`"fr"`) or an object `{"code": "de", "status": "draft"}`.
    private static func readLanguages(_ reader: inout ObjectReader, drafts: inout Set<String>) -> [(String, SourceLocation)] {
        guard let json = reader.member("languages") else {
            reader.report(.missingField(reader.location, field: "languages"))
            return []
        }
        let expected = "a list of language codes, each a string \"fr\" or an object {\"code\": \"de\", \"status\": \"draft\"}"
        guard case .array(let items) = json.value else {
            reader.report(.wrongType(reader.file.location(json.position), field: "languages", expected: expected))
            return []
        }
        var result: [(String, SourceLocation)] = []
        for item in items {
            let location = reader.file.location(item.position)
            switch item.value {
            case .string(let code):
                result.append((code, location))
            case .object:
                var errors: [BuildError] = []
                guard var entry = ObjectReader(item, in: reader.file, field: "languages", known: ["code", "status"], errors: &errors) else {
                    errors.forEach { reader.report($0) }
                    continue
                }
                if let (code, codeLocation) = entry.string("code", required: true) {
                    result.append((code, codeLocation))
                    if let (status, statusLocation) = entry.string("status") {
                        switch status {
                        case "draft": drafts.insert(code)
                        case "published": break
                        default: entry.report(.wrongType(statusLocation, field: "status", expected: "\"draft\" or \"published\""))
                        }
                    }
                }
                (errors + entry.errors).forEach { reader.report($0) }
            default:
                reader.report(.wrongType(location, field: "languages", expected: expected))
            }
        }
        return result
    }

    /// `fr_FR`, `nl_NL`, `en_GB`, `de_DE`; otherwise the code in ICU's spelling (`pt-br` → `pt_BR`).
    static func defaultLocale(_ code: String) -> String {
        ["fr": "fr_FR", "nl": "nl_NL", "en": "en_GB", "de": "de_DE"][code] ?? ICU.identifier(code)
    }

    /// `ll_CC` or `ll-CC` (a language of two or three lowercase letters, a region of two capitals), or `ll` alone.
    static func isLocale(_ text: String) -> Bool {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false).flatMap { $0.split(separator: "-", omittingEmptySubsequences: false) }
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].count),
              parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.count == 1 || (parts[1].count == 2 && parts[1].allSatisfy { $0.isASCII && $0.isUppercase })
    }

    /// A BCP 47-style primary language code such as `fr` or `pt-br`.
    static func isLanguageCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 8 && code.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "-") }
    }
}
