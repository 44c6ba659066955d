import Markdown

/// The context of an article template (`page` and custom layouts).
public struct ArticleContext: Sendable {
    /// The shared page parts.
    public var page: PageView
    /// The article's HTML.
    public var content: HTMLText
    /// The publication date, localized, if any.
    public var date: DateView?
    /// The last update, localized, if any.
    public var updated: DateView?
    /// The sources behind the facts the page uses.
    public var sources: [SourceView]
    /// The campaign's deadline banner, if the page joins one.
    public var banner: BannerView?
    /// The headings, for a table of contents.
    public var headings: [Heading]
    /// Every source of the site, for the `sources` layout (empty for other layouts).
    public var allSources: [SourceView]
    /// A translation notice: not yet translated (this is the source text), or possibly out of date.
    public var notice: String?
    /// The language of `content` when it differs from the page's (a fallback to the source text).
    public var contentLanguage: String?
    /// The sections above the page, outermost first, starting with the language's home.
    public var breadcrumb: [PageLinkView] = []
    /// The page before this one in its section's reading order.
    public var previous: PageLinkView?
    /// The page after this one in its section's reading order.
    public var next: PageLinkView?
    /// The site as a whole (`{{site.extra.…}}`).
    public var site = SiteView()
    /// Whether `previous` or `next` is set (templates have no "or").
    public var hasNeighbours: Bool = false
    /// For a section's page (`index.md`): the pages and sections in it, in reading order.
    public var children: [PageLinkView] = []
    /// The table of contents (levels 2 and 3), when the page shows one; else empty.
    public var toc: [Heading] = []

    /// Creates the context.
    public init(
        page: PageView, content: HTMLText, date: DateView?, updated: DateView?, sources: [SourceView],
        banner: BannerView?, headings: [Heading], allSources: [SourceView] = []
    ) {
        self.allSources = allSources
        self.page = page
        self.content = content
        self.date = date
        self.updated = updated
        self.sources = sources
        self.banner = banner
        self.headings = headings
    }
}

/// A date printed for readers, with its machine-readable form for `<time datetime>`.
public struct DateView: Sendable, Equatable {
    /// "21 mai 2025".
    public var text: String
    /// "2025-05-21".
    public var iso: String

    /// Creates a date view.
    public init(text: String, iso: String) {
        self.text = text
        self.iso = iso
    }
}

/// A source as a page lists it.
public struct SourceView: Sendable {
    /// Its fact key (also its anchor id).
    public var key: String
    /// Who published it.
    public var publisher: String
    /// Its title.
    public var title: String
    /// When, localized.
    public var date: DateView?
    /// The link, if known.
    public var url: String?
    /// Its language code, for `hreflang`.
    public var language: String
    /// "title taken from the page's address", when the headline itself could not be read.
    public var titleNote: String? = nil
    /// "date not shown", in the page's language, when the source shows no date.
    public var undatedText: String? = nil
    /// The address of the copy that was read, when it is not `url`.
    public var via: String? = nil
    /// The host of `via`, as printed.
    public var viaHost: String = ""
    /// "read in a copy at", in the page's language.
    public var viaText: String = ""

    /// Creates a source view.
    public init(key: String, publisher: String, title: String, date: DateView?, url: String?, language: String) {
        self.key = key
        self.publisher = publisher
        self.title = title
        self.date = date
        self.url = url
        self.language = language
    }
}
