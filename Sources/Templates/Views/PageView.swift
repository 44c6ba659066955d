/// What every page of a language shares: the head, the navigation and the language switcher.
public struct PageView: Sendable {
    /// The page language (`<html lang>`).
    public var lang: String
    /// The page's own title.
    public var title: String
    /// The `<title>`: page title and site title.
    public var documentTitle: String
    /// The meta description.
    public var description: String
    /// The site title in this language.
    public var siteTitle: String
    /// The absolute canonical URL.
    public var canonicalURL: String
    /// The language home, relative to this page.
    public var homeURL: String
    /// The language chooser at the site root, relative to this page.
    public var rootURL: String
    /// The stylesheet, relative to this page.
    public var stylesheetURL: String
    /// The script, relative to this page.
    public var scriptURL: String
    /// One entry per site language, for the switcher.
    public var languages: [LanguageLinkView]
    /// `rel=alternate hreflang` links to real translations.
    public var alternates: [AlternateView]
    /// The language's UI strings, for `{{t.key}}`.
    public var t: [String: String]
    /// The build's "now" as a localized date.
    public var builtOn: String
    /// The build's "now" in RFC 3339.
    public var builtOnISO: String
    /// Whether this is the language's home page.
    public var isHome: Bool
    /// `og:locale` of the page.
    public var ogLocale: String = ""
    /// `og:locale:alternate` for each real translation.
    public var ogLocaleAlternates: [String] = []
    /// `website` for home pages, else `article` (stored: templates see only stored properties).
    public var ogType: String = "article"
    /// The language's Atom feed, relative to this page.
    public var feedURL: String = ""
    /// Whether search engines should skip the page (fallbacks, the translation board).
    public var noindex: Bool = false
    /// Whether the language is written right to left (`<html dir="rtl">`).
    public var isRightToLeft: Bool = false
    /// The locale's numbering system when it is not Latin digits (`arab`), for the script's numbers; nil for `latn`.
    public var numberingSystem: String?
    /// The checklist progress line's plural forms (`checklist-progress`), in CLDR order, for the script.
    public var progressForms: [PluralFormView] = []
    /// Whether the site has a search index (a search box on every page).
    public var hasSearch: Bool = false
    /// Pagefind's UI script, relative to this page.
    public var searchScriptURL: String = ""
    /// Pagefind's UI stylesheet, relative to this page.
    public var searchStylesheetURL: String = ""
    /// The page's front-matter `extra` object (`{{page.extra.…}}`).
    public var extra: TemplateData = ExtraData.empty
    /// The site menu: top-level pages and sections (or `site.json`'s `menu`), relative to this page.
    public var menu: [PageLinkView] = []
    /// The publisher's name (`site.json`), if set.
    public var publisherName: String? = nil
    /// The publisher's website, if set.
    public var publisherURL: String? = nil
    /// "Published by", in the page's language.
    public var publisherLabel: String = ""
    /// Where to report an error on this page: a `mailto:` naming the page's URL, or the publisher's form.
    public var reportURL: String? = nil
    /// "Report an error on this page", in the page's language.
    public var reportLabel: String = ""

    /// Creates the shared part of a page.
    public init(
        lang: String, title: String, documentTitle: String, description: String, siteTitle: String,
        canonicalURL: String, homeURL: String, rootURL: String, stylesheetURL: String, scriptURL: String,
        languages: [LanguageLinkView], alternates: [AlternateView], t: [String: String],
        builtOn: String, builtOnISO: String, isHome: Bool
    ) {
        self.lang = lang
        self.title = title
        self.documentTitle = documentTitle
        self.description = description
        self.siteTitle = siteTitle
        self.canonicalURL = canonicalURL
        self.homeURL = homeURL
        self.rootURL = rootURL
        self.stylesheetURL = stylesheetURL
        self.scriptURL = scriptURL
        self.languages = languages
        self.alternates = alternates
        self.t = t
        self.builtOn = builtOn
        self.builtOnISO = builtOnISO
        self.isHome = isHome
    }
}

/// One language in the switcher.
public struct LanguageLinkView: Sendable {
    /// The language code.
    public var code: String
    /// The language's own name ("Nederlands").
    public var name: String
    /// The same page in that language, or that language's home when untranslated; relative.
    public var url: String
    /// Whether it is the page's own language.
    public var isCurrent: Bool
    /// Whether the page has no translation in that language.
    public var isMissing: Bool
    /// "not yet translated", in that language.
    public var missingLabel: String

    /// Creates a switcher entry.
    public init(code: String, name: String, url: String, isCurrent: Bool, isMissing: Bool, missingLabel: String) {
        self.code = code
        self.name = name
        self.url = url
        self.isCurrent = isCurrent
        self.isMissing = isMissing
        self.missingLabel = missingLabel
    }
}

/// A `<link rel="alternate" hreflang>`.
public struct AlternateView: Sendable {
    /// The language code, or `x-default`.
    public var hreflang: String
    /// The absolute URL.
    public var url: String

    /// Creates an alternate link.
    public init(hreflang: String, url: String) {
        self.hreflang = hreflang
        self.url = url
    }
}
