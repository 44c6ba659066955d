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
    /// The Open Graph locale of each language (`fr` → `fr_BE`).
    public var locales: [String: String]
    /// Top-level names in the output folder that belong to the publisher (`.git`, `CNAME`) and survive every build.
    public var keep: [String]
    /// Who publishes the site, if set: the footer, the About page and the error-report link use it.
    public var publisher: Publisher? = nil
    /// `check` warns about facts last verified more than this many days before the build's "now" (nil: no check).
    public var verifiedMaxAgeDays: Int? = nil
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

    static let fields = ["languages", "sourceLanguage", "title", "description", "baseURL", "deadlineWarningDays", "allowRawHTML", "campaigns", "locales", "search", "keep", "menu", "tocMinHeadings", "retired", "extra", "publisher", "verifiedMaxAgeDays"]

    /// Reads `site.json`, collecting every error.
    public static func parse(_ file: SourceText) -> Result<SiteConfig, BuildFailure> {
        var errors: [BuildError] = []
        let json: JSON
        do { json = try JSONParser.parse(file.text) } catch {
            return .failure(BuildFailure([error.buildError(in: file)]))
        }
        guard var reader = ObjectReader(json, in: file, field: "site.json", known: fields, errors: &errors) else {
            return .failure(BuildFailure(errors))
        }
        let languages = reader.strings("languages", required: true) ?? []
        for (code, location) in languages where !SiteConfig.isLanguageCode(code) {
            reader.report(.malformedLanguageCode(location, code: code))
        }
        let codes = languages.map(\.0)
        let source = reader.string("sourceLanguage", required: true)
        if let (code, location) = source, !codes.contains(code) { reader.report(.unknownLanguage(location, code: code)) }
        let title = reader.localized("title", languages: codes, required: true)
        let description = reader.localized("description", languages: codes) ?? LocalizedText([:])
        let base = reader.string("baseURL", required: true)
        if let (url, location) = base, let problem = BaseURL.problem(url) { reader.report(.invalidBaseURL(location, url: url, reason: problem)) }
        let baseURL = BaseURL.normalized(base?.0 ?? "/")
        let days = reader.integer("deadlineWarningDays") ?? 7
        let raw = reader.bool("allowRawHTML") ?? false
        let search = reader.bool("search") ?? false
        let campaigns = reader.strings("campaigns") ?? []
        let keep = reader.strings("keep") ?? []
        for (name, location) in keep where !SiteConfig.isKeepName(name) {
            reader.report(.wrongType(location, field: "keep", expected: "a list of plain file or folder names in the output folder, such as \".git\" or \"CNAME\" (no /, not . or .., not .guidepost-output)"))
        }
        var locales = Dictionary(uniqueKeysWithValues: codes.map { ($0, SiteConfig.defaultLocale($0)) })
        if let json = reader.member("locales"), var table = ObjectReader(json, in: file, field: "locales", known: codes, errors: &errors) {
            for code in codes {
                guard let (locale, location) = table.string(code) else { continue }
                if SiteConfig.isLocale(locale) { locales[code] = locale } else {
                    table.report(.wrongType(location, field: "locales.\(code)", expected: "an Open Graph locale such as \"fr_BE\""))
                }
            }
            errors += table.errors
        }
        let menu = reader.strings("menu")
        for (item, location) in menu ?? [] where !item.hasSuffix(".md") && !item.hasSuffix("/") {
            reader.report(.wrongType(location, field: "menu", expected: "a list of source paths such as \"facebook.md\" or \"linkedin/\" (a section)"))
        }
        let tocMinHeadings = reader.integer("tocMinHeadings") ?? 4
        let extra = reader.member("extra")
        if let extra, case .object = extra.value {} else if let extra {
            reader.report(.wrongType(file.location(extra.position), field: "extra", expected: "an object such as {\"organisation\": \"…\"}"))
        }
        var retired: [(path: String, location: SourceLocation)] = []
        for (item, location) in reader.strings("retired") ?? [] {
            guard let path = FrontMatter.urlPath(item) else {
                reader.report(.wrongType(location, field: "retired", expected: "a list of URL paths of this site such as \"/fr/ancien/\""))
                continue
            }
            retired.append((path, location))
        }
        let publisher = reader.member("publisher").flatMap { Publisher.parse($0, in: file, errors: &errors) }
        let maxAge = reader.integer("verifiedMaxAgeDays")
        if let maxAge, maxAge < 1, let json = reader.member("verifiedMaxAgeDays") {
            reader.report(.wrongType(file.location(json.position), field: "verifiedMaxAgeDays", expected: "a whole number of days, 1 or more"))
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
        return .success(config)
    }

    /// `fr_FR`, `nl_NL`, `en_GB`, `de_DE`; otherwise the code itself.
    static func defaultLocale(_ code: String) -> String {
        ["fr": "fr_FR", "nl": "nl_NL", "en": "en_GB", "de": "de_DE"][code] ?? code
    }

    /// A single name inside the output folder: not empty, no `/` or NUL, not `.`, `..` or the output marker.
    static func isKeepName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name != ".guidepost-output" && !name.contains("/") && !name.contains("\u{0}")
    }

    /// `ll_CC`.
    static func isLocale(_ text: String) -> Bool {
        let parts = text.split(separator: "_")
        return parts.count == 2 && parts[0].count == 2 && parts[1].count == 2
            && parts[0].allSatisfy { $0.isASCII && $0.isLowercase } && parts[1].allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// A BCP 47-style primary language code such as `fr` or `pt-br`.
    static func isLanguageCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 8 && code.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "-") }
    }
}
