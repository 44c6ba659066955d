/// The context of a language's home page (`home` layout).
public struct HomeContext: Sendable {
    /// The shared page parts.
    public var page: PageView
    /// The home page's own HTML (from `index.md`).
    public var content: HTMLText
    /// Every campaign's banner, the most urgent first.
    public var banners: [BannerView]
    /// The language's other pages, by weight.
    public var pages: [PageLinkView]
    /// The sources behind the facts the home page uses.
    public var sources: [SourceView]
    /// The site as a whole (`{{site.extra.…}}`).
    public var site = SiteView()
    /// The same pages grouped: top-level pages by campaign (then the rest), then each top-level section.
    public var groups: [PageGroupView] = []

    /// Creates the context.
    public init(page: PageView, content: HTMLText, banners: [BannerView], pages: [PageLinkView], sources: [SourceView]) {
        self.page = page
        self.content = content
        self.banners = banners
        self.pages = pages
        self.sources = sources
    }
}

/// A link to a page in a list.
public struct PageLinkView: Sendable {
    /// The page title.
    public var title: String
    /// Its description.
    public var description: String?
    /// Relative URL.
    public var url: String
    /// "not yet translated" when the link leads to the source-language text.
    public var fallbackLabel: String?
    /// Whether the link leads to the page being shown (`aria-current`).
    public var isCurrent: Bool = false

    /// Creates a link.
    public init(title: String, description: String?, url: String, fallbackLabel: String? = nil) {
        self.fallbackLabel = fallbackLabel
        self.title = title
        self.description = description
        self.url = url
    }
}

/// Pages listed together under a heading (a campaign or a section) on a home page.
public struct PageGroupView: Sendable {
    /// The group's heading (a campaign's or section's title), if any.
    public var title: String?
    /// The section's page, relative (nil for a campaign or the ungrouped pages).
    public var url: String?
    /// The pages, in reading order.
    public var pages: [PageLinkView]

    /// Creates a group.
    public init(title: String?, url: String?, pages: [PageLinkView]) {
        self.title = title
        self.url = url
        self.pages = pages
    }
}

/// The context of the site-root language chooser (`root` layout) and root `404`.
public struct RootContext: Sendable {
    /// The `<html lang>`: the source language.
    public var lang: String
    /// One entry per language, each linking to its home.
    public var languages: [RootLanguageView]
    /// The stylesheet URL.
    public var stylesheetURL: String
    /// The script URL.
    public var scriptURL: String
    /// The absolute canonical URL.
    public var canonicalURL: String
    /// Whether the source language is written right to left (`<html dir="rtl">`).
    public var isRightToLeft: Bool = false

    /// Creates the context.
    public init(lang: String, languages: [RootLanguageView], stylesheetURL: String, scriptURL: String, canonicalURL: String) {
        self.lang = lang
        self.languages = languages
        self.stylesheetURL = stylesheetURL
        self.scriptURL = scriptURL
        self.canonicalURL = canonicalURL
    }
}

/// A language on the root page, described in itself.
public struct RootLanguageView: Sendable {
    /// Its code.
    public var code: String
    /// Its own name.
    public var name: String
    /// The site title in it.
    public var title: String
    /// The site description in it.
    public var description: String
    /// "Continue in Nederlands"-style link label, in it.
    public var enter: String
    /// Relative URL of its home.
    public var url: String
    /// "This page does not exist", in it (for the root 404 page).
    public var notFound: String
    /// Whether it is written right to left (its entry gets `dir="rtl"`).
    public var isRightToLeft: Bool = false

    /// Creates an entry.
    public init(code: String, name: String, title: String, description: String, enter: String, url: String, notFound: String) {
        self.notFound = notFound
        self.code = code
        self.name = name
        self.title = title
        self.description = description
        self.enter = enter
        self.url = url
    }
}
