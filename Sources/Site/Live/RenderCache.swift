import Content
import Foundation
import Output

/// What each page's last rendering depended on, so a rebuild re-renders only the pages whose inputs
/// changed (the engine behind `guidepost serve`). Fingerprints use Swift's per-process hashing: a cache
/// lives in memory for one process and is never saved.
public struct RenderCache: Sendable {
    struct Entry: Sendable {
        var fingerprint: Int
        /// The page as rendered, with the facts and links it used.
        var rendered: SiteBuilder.Rendered
    }

    var entries: [String: Entry] = [:]
    /// The site-wide files (sitemap, feeds, board, root pages…) and the fingerprint of their inputs.
    var extras: (fingerprint: Int, files: [OutputFile])?
    /// Which pages the last build rendered, as output paths.
    public internal(set) var renderedPaths: [String] = []
    /// The shared inputs of the last build, reused when only article bodies change.
    var shared: BuildFingerprint?
    /// The last build's translation audit.
    var audit: TranslationAudit?
    /// The instant of the incremental update that changed a row of the translation board, when the board
    /// served is not rendered again yet (`LiveSite` renders it when it is asked for); nil when it is current.
    var boardPending: Date?
    /// The last build's navigation, reused when only article bodies change.
    var navigation: Navigation?
    /// The `#part` links of real pages, by the output path of the page they lead to, with the output path
    /// of the page they are written on: an edit re-checks only the links into the pages it re-rendered.
    var anchorsInto: [String: [(from: String, link: AnchorLink)]] = [:]

    /// Records the `#part` links written on the page at `path` (replacing `previous`, its last links).
    mutating func indexAnchors(from path: String, _ links: [AnchorLink], replacing previous: [AnchorLink] = [], router: Router) {
        for target in Set(previous.compactMap { router.path(of: $0.target) }) {
            anchorsInto[target]?.removeAll { $0.from == path }
        }
        for link in links {
            guard let target = router.path(of: link.target) else { continue }
            anchorsInto[target, default: []].append((path, link))
        }
    }

    /// An empty cache: the first build renders everything.
    public init() {}
}

/// The inputs shared by every page of one build, hashed once.
struct BuildFingerprint: Sendable {
    let global: Int
    /// `nowKey` of the build: the day and the deadline states.
    let now: Int
    let strings: [String: Int]
    let homes: [String: Int]

    init(_ library: SiteLibrary, views: ViewFactory, now: Date) {
        var hasher = Hasher()
        for source in library.templates.sources.keys.sorted() {
            hasher.combine(source)
            hasher.combine(library.templates.sources[source]!.file.text)
        }
        hasher.combine(views.assetPaths.stylesheet)
        hasher.combine(views.assetPaths.script)
        let config = library.config
        hasher.combine(config.languages)
        hasher.combine(config.sourceLanguage)
        hasher.combine(config.title)
        hasher.combine(config.description)
        hasher.combine(config.baseURL)
        hasher.combine(config.allowRawHTML)
        hasher.combine(config.search)
        hasher.combine(config.locales)
        hasher.combine(config.deadlineWarningDays)
        hasher.combine(config.menu)
        hasher.combine(config.tocMinHeadings)
        hasher.combine(String(describing: config.extra))
        hasher.combine(config.retired.map(\.path))
        hasher.combine(config.publisher)
        self.now = Self.nowKey(library, now: now)
        hasher.combine(self.now)
        for name in library.campaigns.keys.sorted() { hasher.combine(library.campaigns[name]!) }
        global = hasher.finalize()
        var strings: [String: Int] = [:]
        var homes: [String: Int] = [:]
        for language in config.languages {
            var table = Hasher()
            for (key, value) in views.strings(language).sorted(by: { $0.key < $1.key }) {
                table.combine(key)
                table.combine(value)
            }
            strings[language] = table.finalize()
            // Every page shows the menu, breadcrumb and previous/next; a home page lists every page.
            homes[language] = views.navigation.fingerprint(language)
        }
        self.strings = strings
        self.homes = homes
    }

    /// What of the build's instant the pages show: the day and each campaign's deadline state.
    static func nowKey(_ library: SiteLibrary, now: Date) -> Int {
        var hasher = Hasher()
        hasher.combine(Instant.calendarDate(of: now, in: "UTC"))
        for name in library.campaigns.keys.sorted() {
            let campaign = library.campaigns[name]!
            hasher.combine(DeadlineStatus(deadline: campaign.deadline, now: now, warningDays: library.config.deadlineWarningDays).state)
        }
        return hasher.finalize()
    }

    /// The fingerprint of `job`, given what it used last time.
    func of(_ job: SiteBuilder.Job, library: SiteLibrary, usedFacts: Set<String>, linkedPages: Set<String>, usedFiles: Set<String>)
        -> Int
    {
        let page = library.pages[job.pageIndex]
        var hasher = Hasher()
        hasher.combine(global)
        hasher.combine(strings[job.language])
        hasher.combine(job.isFallback)
        hasher.combine(job.path)
        hasher.combine(page.fileHash)
        hasher.combine(homes[job.language])
        hasher.combine(page.frontMatter.toc)
        let source = library.config.sourceLanguage
        if page.language != source { hasher.combine(library.page(source, page.relativePath)?.bodyHash) }
        for language in library.config.languages {
            hasher.combine(library.router.translationPath(of: Router.PageID(language: language, relativePath: page.relativePath)))
        }
        for target in linkedPages.sorted() {
            hasher.combine(target)
            hasher.combine(library.router.path(of: Router.PageID(language: job.language, relativePath: target)))
        }
        // The files it shows: which one each name resolves to (a translation's own or the source's) and its bytes.
        for name in usedFiles.sorted() {
            hasher.combine(name)
            let found = library.bundles.resolve(
                name, page: page.relativePath, language: job.language,
                sourceLanguage: library.config.sourceLanguage)
            hasher.combine(found?.entry.path)
            hasher.combine(found?.entry.hash)
            if name.hasPrefix("/") { hasher.combine(library.bundles.entries[String(name.dropFirst())]?.hash) }
        }
        for key in usedFacts.union(page.frontMatter.sources.map(\.key)).sorted() {
            hasher.combine(key)
            let fact = library.facts[key]
            hasher.combine(fact?.value)
            for id in fact?.sources ?? [] {
                hasher.combine(id)
                hasher.combine(library.facts[id]?.value)
            }
        }
        return hasher.finalize()
    }
}

extension BuildFingerprint {
    /// Everything the site-wide files read: routes, dates, titles and descriptions of every page,
    /// translation states, and the shared inputs.
    func extras(_ library: SiteLibrary, audit: TranslationAudit) -> Int {
        var hasher = Hasher()
        hasher.combine(global)
        for language in library.config.languages { hasher.combine(strings[language]) }
        for page in library.pages {
            hasher.combine(page.language)
            hasher.combine(page.relativePath)
            hasher.combine(library.router.path(of: page))
            hasher.combine(page.frontMatter.title)
            hasher.combine(page.frontMatter.description)
            hasher.combine(page.frontMatter.date)
            hasher.combine(page.frontMatter.updated)
            hasher.combine(page.frontMatter.aliases.map(\.path))
        }
        for route in library.router.fallbackRoutes { hasher.combine(route.path) }
        for row in audit.rows {
            hasher.combine(row.page)
            for language in audit.languages { hasher.combine(row.status[language]?.rawValue) }
        }
        return hasher.finalize()
    }
}
