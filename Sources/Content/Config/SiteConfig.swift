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
    /// Top-level names in the output folder that belong to the publisher (`.git`, `CNAME`) and survive every build.
    public var keep: [String]
    /// Who publishes the site, if set: the footer, the About page and the error-report link use it.
    public var publisher: Publisher? = nil
    /// `check` warns about facts last verified more than this many days before the build's "now" (nil: no check).
    public var verifiedMaxAgeDays: Int? = nil
    /// Languages still being translated (`"status": "draft"`): built and previewable, but `noindex` and
    /// left out of the switcher, hreflang, the sitemap, the feeds and the root chooser.
    public var draftLanguages: Set<String> = []
    /// Each language's CLDR data (formats, plural rules, direction), from ICU.
    public var localeData: [String: LanguageLocale] = [:]
    /// Where each campaign name was declared.
    public var campaignLocations: [String: SourceLocation]
    /// The site menu as source paths (`facebook.md`, `linkedin/`), or nil for the top-level pages and sections.
    public var menu: [String]?
    /// Where each menu item was written.
    public var menuLocations: [SourceLocation] = []
    /// A page shows a table of contents when it has at least this many headings of levels 2 and 3.
    public var tocMinHeadings: Int = 4
    /// The free-form `extra` object, for templates (`{{site.extra.…}}`).
    public var extra: JSON?
    /// URL paths (`fr/ancien/`) deliberately removed: each gets a page saying so.
    public var retired: [(path: String, location: SourceLocation)] = []
    /// Where the file is, for errors about it as a whole.
    public var location: SourceLocation

    static let fields = [
        "languages", "sourceLanguage", "title", "description", "baseURL", "deadlineWarningDays", "allowRawHTML", "campaigns", "locales",
        "search", "keep", "menu", "tocMinHeadings", "retired", "extra", "publisher", "verifiedMaxAgeDays",
    ]

    /// Reads `site.json`, collecting every error.
    public static func parse(_ file: SourceText) -> Result<SiteConfig, BuildFailure> {
        var errors = DiagnosticCollector()
        let json: JSON
        do { json = try JSONParser.parse(file.text) } catch {
            return .failure(BuildFailure([error.buildError(in: file)]))
        }
        guard var reader = ObjectReader(json, in: file, field: "site.json", known: fields, errors: &errors) else {
            return .failure(BuildFailure(errors))
        }
        var drafts = Set<String>()
        let languages = readLanguages(&reader, drafts: &drafts)
        for (code, location) in languages where !SiteConfig.isLanguageCode(code) {
            reader.report(ContentError.malformedLanguageCode(location, code: code))
        }
        let codes = languages.map(\.0)
        let source = reader.string("sourceLanguage", required: true)
        if let (code, location) = source, !codes.contains(code) { reader.report(ContentError.unknownLanguage(location, code: code)) }
        if let (code, location) = source, drafts.contains(code) {
            reader.report(
                ContentError.wrongType(
                    location, field: "sourceLanguage", expected: "a language whose status is not \"draft\" (translations are made from it)")
            )
        }
        let title = reader.localized("title", languages: codes, required: true)
        let description = reader.localized("description", languages: codes) ?? LocalizedText([:])
        let base = reader.string("baseURL", required: true)
        if let (url, location) = base, let problem = BaseURL.problem(url) {
            reader.report(ContentError.invalidBaseURL(location, url: url, reason: problem))
        }
        let baseURL = BaseURL.normalized(base?.0 ?? "/")
        let days = reader.integer("deadlineWarningDays") ?? 7
        let raw = reader.bool("allowRawHTML") ?? false
        let search = reader.bool("search") ?? false
        let campaigns = reader.strings("campaigns") ?? []
        let keep = reader.strings("keep") ?? []
        for (name, location) in keep where !SiteConfig.isKeepName(name) {
            reader.report(
                ContentError.wrongType(
                    location, field: "keep",
                    expected:
                        "a list of plain file or folder names in the output folder, such as \".git\" or \"CNAME\" (no /, not . or .., not .guidepost-output)"
                ))
        }
        var locales = Dictionary(codes.map { ($0, SiteConfig.defaultLocale($0)) }, uniquingKeysWith: { a, _ in a })
        var localeLocations = Dictionary(languages.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        if let json = reader.member("locales"), var table = ObjectReader(json, in: file, field: "locales", known: codes, errors: &errors) {
            for code in codes {
                guard let (locale, location) = table.string(code) else { continue }
                localeLocations[code] = location
                if SiteConfig.isLocale(locale) {
                    locales[code] = ICU.identifier(locale)
                } else {
                    locales[code] = nil
                    table.report(
                        ContentError.wrongType(location, field: "locales.\(code)", expected: "an Open Graph locale such as \"fr_BE\""))
                }
            }
            errors += table.errors
        }
        var localeData: [String: LanguageLocale] = [:]
        for code in codes where SiteConfig.isLanguageCode(code) {
            guard let locale = locales[code], let location = localeLocations[code] else { continue }
            if let data = LanguageLocale.make(language: code, locale: locale) {
                localeData[code] = data
            } else {
                reader.report(ContentError.unknownLocale(location, locale: locale))
            }
        }
        let menu = reader.strings("menu")
        for (item, location) in menu ?? [] where !item.hasSuffix(".md") && !item.hasSuffix("/") {
            reader.report(
                ContentError.wrongType(
                    location, field: "menu", expected: "a list of source paths such as \"facebook.md\" or \"linkedin/\" (a section)")
            )
        }
        let tocMinHeadings = reader.integer("tocMinHeadings") ?? 4
        let extra = reader.object("extra", expected: "an object such as {\"organisation\": \"…\"}")
        var retired: [(path: String, location: SourceLocation)] = []
        for (item, location) in reader.strings("retired") ?? [] {
            guard let path = FrontMatter.urlPath(item) else {
                reader.report(
                    ContentError.wrongType(location, field: "retired", expected: "a list of URL paths of this site such as \"/fr/ancien/\"")
                )
                continue
            }
            retired.append((path, location))
        }
        let publisher = reader.member("publisher").flatMap { Publisher.parse($0, in: file, errors: &errors) }
        let maxAge = reader.integer("verifiedMaxAgeDays")
        if let maxAge, maxAge < 1, let json = reader.member("verifiedMaxAgeDays") {
            reader.report(
                ContentError.wrongType(
                    file.location(json.position), field: "verifiedMaxAgeDays", expected: "a whole number of days, 1 or more"))
        }
        errors += reader.errors
        guard errors.isEmpty, let title, let source else { return .failure(BuildFailure(errors)) }
        var config = SiteConfig(
            languages: codes, sourceLanguage: source.0, title: title, description: description,
            baseURL: baseURL, deadlineWarningDays: days, allowRawHTML: raw,
            campaigns: campaigns.map(\.0), search: search, locales: locales, keep: keep.map(\.0),
            campaignLocations: Dictionary(campaigns.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }),
            menu: menu?.map(\.0), menuLocations: menu?.map(\.1) ?? [], tocMinHeadings: tocMinHeadings, extra: extra, retired: retired,
            location: reader.location)
        config.publisher = publisher
        config.verifiedMaxAgeDays = maxAge
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
            reader.report(ContentError.missingField(reader.location, field: "languages"))
            return []
        }
        let expected = "a list of language codes, each a string \"fr\" or an object {\"code\": \"de\", \"status\": \"draft\"}"
        guard case .array(let items) = json.value else {
            reader.report(ContentError.wrongType(reader.file.location(json.position), field: "languages", expected: expected))
            return []
        }
        var result: [(String, SourceLocation)] = []
        for item in items {
            let location = reader.file.location(item.position)
            switch item.value {
            case .string(let code):
                result.append((code, location))
            case .object:
                var errors = DiagnosticCollector()
                guard var entry = ObjectReader(item, in: reader.file, field: "languages", known: ["code", "status"], errors: &errors) else {
                    reader.report(errors)
                    continue
                }
                if let (code, codeLocation) = entry.string("code", required: true) {
                    result.append((code, codeLocation))
                    if let (status, statusLocation) = entry.string("status") {
                        switch status {
                        case "draft": drafts.insert(code)
                        case "published": break
                        default:
                            entry.report(ContentError.wrongType(statusLocation, field: "status", expected: "\"draft\" or \"published\""))
                        }
                    }
                }
                reader.report(errors)
                reader.report(entry.errors)
            default:
                reader.report(ContentError.wrongType(location, field: "languages", expected: expected))
            }
        }
        return result
    }

    /// `fr_FR`, `nl_NL`, `en_GB`, `de_DE`; otherwise the code in ICU's spelling (`pt-br` → `pt_BR`).
    static func defaultLocale(_ code: String) -> String {
        ["fr": "fr_FR", "nl": "nl_NL", "en": "en_GB", "de": "de_DE"][code] ?? ICU.identifier(code)
    }

    /// A single name inside the output folder: not empty, no `/` or NUL, not `.`, `..` or the output marker.
    static func isKeepName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name != ".guidepost-output" && !name.contains("/") && !name.contains("\u{0}")
    }

    /// `ll_CC` or `ll-CC` (a language of two or three lowercase letters, a region of two capitals), or `ll` alone.
    static func isLocale(_ text: String) -> Bool {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: "-", omittingEmptySubsequences: false)
        }
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].count),
            parts[0].allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
        return parts.count == 1 || (parts[1].count == 2 && parts[1].allSatisfy { $0.isASCII && $0.isUppercase })
    }

    /// A BCP 47-style primary language code such as `fr` or `pt-br`.
    static func isLanguageCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 8 && code.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "-") }
    }
}
