import Content
import Diagnostics
import Templates

/// Everything a build needs, loaded and checked before any page is rendered. Its collections change only
/// through `replace`, which keeps the index of `pages` in step.
public struct SiteLibrary: Sendable {
    /// `site.json`.
    public private(set) var config: SiteConfig
    /// UI strings by language.
    public private(set) var strings: [String: UIStrings]
    /// All facts.
    public private(set) var facts: FactStore
    /// Campaigns by name.
    public private(set) var campaigns: [String: Campaign]
    /// Every published page, in a stable order (language order, then path).
    public private(set) var pages: [Page]
    /// The templates.
    public private(set) var templates: TemplateLibrary
    /// Asset files to copy: path under `assets/` → bytes.
    public private(set) var assets: [(path: String, bytes: [UInt8])]
    /// Where pages go.
    public private(set) var router: Router
    /// UI strings a translation lacks (filled from the source language); errors with `--strict`.
    public internal(set) var stringWarnings: [any DiagnosticConvertible] = []
    /// Sources a reader could not check (no URL, a placeholder title, no date); errors with `--strict`.
    public internal(set) var sourceWarnings: [ContentError] = []
    /// The front end's words for what it controls (how to mark a translation reviewed), from the build options.
    public internal(set) var advice = FrontEndAdvice()
    /// Facts verified longer ago than `verifiedMaxAgeDays`; always warnings.
    public internal(set) var verificationWarnings: [ContentError] = []
    /// The files that are not Markdown: page bundles and `static/`, images processed.
    public private(set) var bundles = BundleIndex()

    /// The page at `relativePath` in `language`, if there is one.
    public func page(_ language: String, _ relativePath: String) -> Page? {
        positions[Router.PageID(language: language, relativePath: relativePath)].map { pages[$0] }
    }

    /// Where the page at `relativePath` in `language` is in `pages`, if there is one.
    func position(_ language: String, _ relativePath: String) -> Int? {
        positions[Router.PageID(language: language, relativePath: relativePath)]
    }

    /// Puts `page` in place of the page with its language and path, in place, and returns that page (nil
    /// when there is none): for an edit that changes no route, so the router stays as it is.
    @discardableResult
    mutating func replace(_ page: Page) -> Page? {
        guard let position = positions[Router.PageID(language: page.language, relativePath: page.relativePath)] else { return nil }
        let old = pages[position]
        pages[position] = page
        return old
    }

    /// Empties every page's body: a streaming build keeps them in its `BodyStore` instead, one per job.
    mutating func dropBodies() {
        for index in pages.indices { pages[index].body = "" }
    }

    /// For a translation made from an older version of its source page (its `sourceHash` differs from the
    /// source body's hash, or is missing): that source page. Nil for source pages and current translations.
    /// A translation without a `sourceHash` is new, not stale: see `newSource(of:)`.
    public func staleSource(of page: Page) -> Page? {
        guard page.language != config.sourceLanguage, let hash = page.frontMatter.sourceHash,
            let original = self.page(config.sourceLanguage, page.relativePath), hash != original.bodyHash
        else { return nil }
        return original
    }

    /// The source page of a translation that never recorded which version of it it was made from (new, not yet reviewed).
    public func newSource(of page: Page) -> Page? {
        guard page.language != config.sourceLanguage, page.frontMatter.sourceHash == nil else { return nil }
        return self.page(config.sourceLanguage, page.relativePath)
    }

    /// Where each page is in `pages`.
    private var positions: [Router.PageID: Int] = [:]

    init(
        config: SiteConfig, strings: [String: UIStrings], facts: FactStore, campaigns: [String: Campaign], pages: [Page],
        templates: TemplateLibrary, assets: [(path: String, bytes: [UInt8])], router: Router, bundles: BundleIndex = BundleIndex()
    ) {
        self.config = config
        self.strings = strings
        self.facts = facts
        self.campaigns = campaigns
        self.pages = pages
        self.templates = templates
        self.assets = assets
        self.router = router
        self.bundles = bundles
        self.positions = Dictionary(
            pages.indices.map { (Router.PageID(language: pages[$0].language, relativePath: pages[$0].relativePath), $0) },
            uniquingKeysWith: { first, _ in first })
    }
}
