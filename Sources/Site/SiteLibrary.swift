import Content
import Diagnostics
import Templates

/// Everything a build needs, loaded and checked before any page is rendered.
public struct SiteLibrary: Sendable {
    /// `site.json`.
    public var config: SiteConfig
    /// UI strings by language.
    public var strings: [String: UIStrings]
    /// All facts.
    public var facts: FactStore
    /// Campaigns by name.
    public var campaigns: [String: Campaign]
    /// Every published page, in a stable order (language order, then path).
    public var pages: [Page]
    /// The templates.
    public var templates: TemplateLibrary
    /// Asset files to copy: path under `assets/` → bytes.
    public var assets: [(path: String, bytes: [UInt8])]
    /// Where pages go.
    public var router: Router
    /// UI strings a translation lacks (filled from the source language); errors with `--strict`.
    public var stringWarnings: [BuildError] = []
    /// The files that are not Markdown: page bundles and `static/`, images processed.
    public var bundles = BundleIndex()

    /// The page at `relativePath` in `language`, if there is one.
    public func page(_ language: String, _ relativePath: String) -> Page? {
        positions[Router.PageID(language: language, relativePath: relativePath)].map { pages[$0] }
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

    /// For a translation made from an older version of its source page (its `sourceHash` differs from the
    /// source body's hash, or is missing): that source page. Nil for source pages and current translations.
    public func staleSource(of page: Page) -> Page? {
        guard page.language != config.sourceLanguage, let original = self.page(config.sourceLanguage, page.relativePath),
              page.frontMatter.sourceHash != original.bodyHash else { return nil }
        return original
    }

    /// Where each page is in `pages`.
    private var positions: [Router.PageID: Int] = [:]

    init(config: SiteConfig, strings: [String: UIStrings], facts: FactStore, campaigns: [String: Campaign], pages: [Page],
         templates: TemplateLibrary, assets: [(path: String, bytes: [UInt8])], router: Router) {
        self.config = config
        self.strings = strings
        self.facts = facts
        self.campaigns = campaigns
        self.pages = pages
        self.templates = templates
        self.assets = assets
        self.router = router
        self.positions = Dictionary(pages.indices.map { (Router.PageID(language: pages[$0].language, relativePath: pages[$0].relativePath), $0) },
                                    uniquingKeysWith: { first, _ in first })
    }
}
