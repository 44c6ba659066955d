import Content
import Diagnostics
import Foundation
import Markdown
import Output
import Templates

/// Renders every page of a loaded library in parallel (Zola's `Site::build`), in memory.
public enum SiteBuilder {
    /// One rendered page: its file and what it contains.
    struct Rendered: Sendable {
        var page: Page
        var file: OutputFile
        var report: PageReport?
        var usedFacts: Set<String> = []
        var linkedPages: Set<String> = []
        /// Its links to a part of a page (`#part`), checked once every page is rendered.
        var anchors: [AnchorLink] = []
        /// The files it shows or links to, as written (`settings.png`).
        var usedFiles: Set<String> = []
    }

    typealias Entry = RenderCache.Entry

    /// A page to render: a real page, or a source page shown in a language that lacks it.
    struct Job: Sendable {
        var page: Page
        var language: String
        var path: String
        var isFallback: Bool
    }

    /// Builds all files, or every error found while rendering.
    public static func build(_ library: SiteLibrary, now: Date) -> Result<BuiltSite, BuildFailure> {
        var cache: RenderCache?
        return build(library, now: now, cache: &cache)
    }

    /// Builds all files. With a `cache` (start with an empty `RenderCache()`), only the pages whose inputs
    /// changed since it was filled are rendered, and the cache is refilled; with nil, nothing is cached.
    public static func build(_ library: SiteLibrary, now: Date, cache: inout RenderCache?) -> Result<BuiltSite, BuildFailure> {
        let views = ViewFactory(library: library, now: now, assetPaths: AssetPaths(assets: library.assets))
        let banners = BannerFactory(library: library, now: now)
        // Home pages first: each lists every page of its language, the longest jobs go first so that no
        // core waits for one at the end.
        let homesFirst = library.pages.filter(\.isHome) + library.pages.filter { !$0.isHome }
        var jobs = homesFirst.compactMap { page in
            library.router.path(of: page).map { Job(page: page, language: page.language, path: $0, isFallback: false) }
        }
        for route in library.router.fallbackRoutes {
            guard let page = library.page(library.config.sourceLanguage, route.id.relativePath) else { continue }
            jobs.append(Job(page: page, language: route.id.language, path: route.path, isFallback: true))
        }
        let previous = cache
        // Inputs shared by every page, hashed once per build (only when caching).
        let shared = previous.map { _ in BuildFingerprint(library, views: views, now: now) }
        // The cached rendering of each job whose inputs are unchanged (nil: render it).
        let hits: [Entry?] = jobs.map { job in
            guard let shared, let entry = previous?.entries[job.path] else { return nil }
            let fingerprint = shared.of(
                job, library: library, usedFacts: entry.rendered.usedFacts, linkedPages: entry.rendered.linkedPages,
                usedFiles: entry.rendered.usedFiles)
            return fingerprint == entry.fingerprint ? entry : nil
        }
        let allJobs = jobs
        let reservedIDs = TemplateIDs.fixed(in: library.templates)
        // Each page's `#part` links come back even when the page has other errors: one run reports all.
        let results = parallelMap(Array(jobs.indices)) { index -> (Result<Rendered, BuildFailure>, [AnchorLink]) in
            if let hit = hits[index] { return (.success(hit.rendered), hit.rendered.anchors) }
            var anchors: [AnchorLink] = []
            let result = render(
                allJobs[index], library: library, views: views, banners: banners, reservedIDs: reservedIDs, anchors: &anchors)
            return (result, anchors)
        }
        let rendered = results.map(\.0)

        var errors = DiagnosticCollector()
        var files: [OutputFile] = []
        var reports: [PageReport] = []
        var counts: [String: Int] = [:]
        var homes = Set<String>()
        for (job, result) in zip(jobs, rendered) {
            switch result {
            case .success(let page):
                files.append(page.file)
                let source = Router.PageID(language: library.config.sourceLanguage, relativePath: job.page.relativePath)
                files += library.bundles.files(
                    page: job.page.relativePath, language: job.language,
                    sourceLanguage: source.language, at: job.path,
                    copyBorrowed: library.router.path(of: source) == nil)
                if let report = page.report { reports.append(report) }
                if !job.isFallback {
                    counts[job.language, default: 0] += 1
                    if job.page.isHome { homes.insert(job.language) }
                }
            case .failure(let failure):
                if !job.isFallback { errors += failure }
            }
        }
        errors += anchorErrors(jobs, results)
        guard errors.isEmpty else { return .failure(BuildFailure(errors)) }
        files += library.bundles.staticFiles()
        if let shared {
            var next = RenderCache()
            next.extras = previous?.extras
            for (index, result) in rendered.enumerated() {
                guard case .success(let page) = result else { continue }
                if let hit = hits[index] {
                    next.entries[jobs[index].path] = hit
                    continue
                }
                let fingerprint = shared.of(
                    jobs[index], library: library, usedFacts: page.usedFacts, linkedPages: page.linkedPages,
                    usedFiles: page.usedFiles)
                next.entries[jobs[index].path] = RenderCache.Entry(fingerprint: fingerprint, rendered: page)
                next.renderedPaths.append(page.file.path)
            }
            for (path, entry) in next.entries where entry.rendered.report != nil && !entry.rendered.anchors.isEmpty {
                next.indexAnchors(from: path, entry.rendered.anchors, router: library.router)
            }
            cache = next
        }
        for language in library.config.languages where !homes.contains(language) {
            do throws(TemplateError) { files.append(try syntheticHome(language, library: library, views: views, banners: banners)) } catch {
                return .failure(BuildFailure([error]))
            }
            counts[language, default: 0] += 1
        }
        let audit = TranslationAudit.run(library, reports: reports)
        if let shared {
            cache?.shared = shared
            cache?.audit = audit
            cache?.navigation = views.navigation
        }
        let published = Redirects.publishedPaths(library: library)
        do {
            if let previous, let shared {
                // Site-wide files are rebuilt only when something they read changed.
                let fingerprint = shared.extras(library, audit: audit)
                let extras: [OutputFile]
                if let cached = previous.extras, cached.fingerprint == fingerprint {
                    extras = cached.files
                } else {
                    extras = try SiteExtras.files(library: library, views: views, now: now, audit: audit, publishedPaths: published)
                }
                cache?.extras = (fingerprint, extras)
                files += extras
            } else {
                files += try SiteExtras.files(library: library, views: views, now: now, audit: audit, publishedPaths: published)
            }
        } catch {
            return .failure(BuildFailure([error]))
        }
        files.sort { $0.path < $1.path }
        var site = BuiltSite(
            files: files, pageCounts: library.config.languages.map { ($0, counts[$0, default: 0]) }, search: library.config.search,
            keep: library.config.keep)
        site.audit = audit
        site.publishedPaths = published
        site.reports = reports.sorted { ($0.language, $0.relativePath) < ($1.language, $1.relativePath) }
        return .success(site)
    }

    /// The `#part` links of real pages that name no id on the published page they lead to.
    private static func anchorErrors(_ jobs: [Job], _ results: [(Result<Rendered, BuildFailure>, [AnchorLink])]) -> [SiteError] {
        var links: [AnchorLink] = []
        for (job, result) in zip(jobs, results) where !job.isFallback { links += result.1 }
        guard !links.isEmpty else { return [] }
        var pages: [Router.PageID: [UInt8]] = [:]
        for (job, result) in zip(jobs, results) {
            if case .success(let page) = result.0 {
                pages[Router.PageID(language: job.language, relativePath: job.page.relativePath)] = page.file.bytes
            }
        }
        return AnchorCheck.errors(links) { pages[$0] }
    }

    static func render(
        _ job: Job, library: SiteLibrary, views: ViewFactory, banners: BannerFactory,
        reservedIDs: Set<String>, anchors: inout [AnchorLink]
    ) -> Result<Rendered, BuildFailure> {
        let page = job.page
        let path = job.path
        let language = job.language
        var resolver = PageResolver(
            page: page, facts: library.facts, router: library.router, config: library.config, language: language, path: path)
        resolver.publisher = library.config.publisher
        resolver.bundles = library.bundles
        resolver.sourceLanguage = library.config.sourceLanguage
        var options = MarkdownOptions(
            allowRawHTML: library.config.allowRawHTML,
            checklistPrefix: "check-" + Slugger.slugify(page.translationKey), language: page.language)
        options.reservedIDs = reservedIDs
        // Callout titles in the text's own language (a fallback shows the source text, with its titles).
        if let strings = library.strings[page.language] {
            for type in MarkdownOptions.calloutTypes {
                options.calloutTitles[type] = Typography.apply(strings["callout-\(type)"], language: page.language)
            }
        }
        let markdown = MarkdownRenderer.render(page.body, options: options, resolver: &resolver)
        let ownID = Router.PageID(language: language, relativePath: page.relativePath)
        anchors =
            resolver.anchors
            + markdown.fragments.map {
                AnchorLink(
                    location: page.location(ofBody: $0.position), target: ownID, destination: $0.destination,
                    fragment: String($0.destination.dropFirst()))
            }
        guard resolver.errors.isEmpty else { return .failure(BuildFailure(resolver.errors)) }
        let content = markdown.html

        let front = page.frontMatter
        var pageView = views.page(
            language: language, relativePath: page.relativePath, path: path,
            title: front.title, description: front.description, isHome: page.isHome)
        pageView.extra = front.extra.map(ExtraData.from) ?? ExtraData.empty
        let strings = library.strings[language]!
        var notice: String?
        if job.isFallback {
            notice = strings["fallback-notice"]
            pageView.noindex = true
            if let sourcePath = library.router.translationPath(of: Router.PageID(language: page.language, relativePath: page.relativePath))
            {
                pageView.canonicalURL = library.router.absolute(sourcePath)
            }
        } else if let original = library.staleSource(of: page) {
            notice =
                original.frontMatter.updated.map {
                    strings["stale-notice"].replacingOccurrences(of: "{date}", with: library.config.locale(language).formats.format($0))
                } ?? strings["stale-notice-undated"]
        }
        var factKeys = resolver.usedFacts.union(front.sources.map(\.key))
        let html: [UInt8]
        if page.isHome {
            for campaign in library.campaigns.values { factKeys.formUnion(campaign.factKeys) }
            var context = HomeContext(
                page: pageView, content: content, banners: banners.banners(language: language, path: path),
                pages: listing(language, from: path, library: library),
                sources: views.sources(factKeys, language, cited: resolver.citations))
            context.groups = views.homeGroups(language, from: path)
            context.site = views.site
            do { html = try library.templates.renderBytes(context, with: front.layout ?? "home") } catch {
                return .failure(BuildFailure([error]))
            }
        } else {
            let campaign = front.campaign.flatMap { library.campaigns[$0] }
            if let campaign { factKeys.formUnion(campaign.factKeys) }
            var context = ArticleContext(
                page: pageView, content: content, date: views.date(front.date, language),
                updated: views.date(front.updated, language), sources: views.sources(factKeys, language, cited: resolver.citations),
                banner: campaign.map { banners.banner($0, language: language, path: path) },
                headings: views.headings(markdown),
                allSources: front.layout == "sources" ? views.allSources(language) : [])
            context.notice = notice
            context.contentLanguage = job.isFallback ? page.language : nil
            context.breadcrumb = views.breadcrumb(page.relativePath, language: language, from: path)
            let neighbours = views.navigation.neighbours(of: page.relativePath, in: language)
            context.previous = neighbours.previous.map { views.link($0, from: path, language: language) }
            context.next = neighbours.next.map { views.link($0, from: path, language: language) }
            context.hasNeighbours = context.previous != nil || context.next != nil
            context.site = views.site
            if page.isIndex {
                let folder = String(page.relativePath.dropLast("/index.md".count))
                context.children = views.navigation.children(of: folder, in: language).map {
                    views.link($0, from: path, language: language)
                }
            }
            let tocHeadings = context.headings.filter { $0.level <= 3 }
            if front.toc ?? (tocHeadings.count >= library.config.tocMinHeadings) { context.toc = tocHeadings }
            do { html = try library.templates.renderBytes(context, with: front.layout ?? "page") } catch {
                return .failure(BuildFailure([error]))
            }
        }
        let report =
            job.isFallback
            ? nil
            : PageReport(
                language: page.language, relativePath: page.relativePath, facts: resolver.usedFacts,
                sources: Set(front.sources.map(\.key)), checklistItems: markdown.checklists.map(\.itemCount),
                headingLevels: markdown.headings.map(\.level), callouts: markdown.callouts, imageWarnings: resolver.borrowedImages)
        return .success(
            Rendered(
                page: page, file: OutputFile(path: path + "index.html", bytes: html), report: report,
                usedFacts: resolver.usedFacts, linkedPages: resolver.linkedPages, anchors: anchors,
                usedFiles: resolver.usedFiles))
    }

    /// The language's pages other than its home, by weight, then title; fallbacks are marked.
    static func listing(_ language: String, from path: String, library: SiteLibrary) -> [PageLinkView] {
        let own = library.pages.filter { $0.language == language && !$0.isHome }.map { ($0, false) }
        let borrowed = library.router.fallbackRoutes.filter { $0.id.language == language }
            .compactMap { route in library.page(library.config.sourceLanguage, route.id.relativePath).map { ($0, true) } }
            .filter { !$0.0.isHome }
        return (own + borrowed)
            .sorted {
                ($0.0.frontMatter.weight, $0.0.frontMatter.title, $0.0.relativePath) < (
                    $1.0.frontMatter.weight, $1.0.frontMatter.title, $1.0.relativePath
                )
            }
            .compactMap { page, isFallback in
                library.router.path(of: Router.PageID(language: language, relativePath: page.relativePath)).map {
                    PageLinkView(
                        title: Typography.apply(page.frontMatter.title, language: page.language),
                        description: page.frontMatter.description.map { Typography.apply($0, language: page.language) },
                        url: Router.relative(from: path, to: $0),
                        fallbackLabel: isFallback ? library.strings[language]?["not-translated"] : nil)
                }
            }
    }

    private static func syntheticHome(
        _ language: String, library: SiteLibrary, views: ViewFactory,
        banners: BannerFactory
    ) throws(TemplateError) -> OutputFile {
        let path = "\(language)/"
        let title = library.config.title.text(in: language)
        let pageView = views.page(language: language, relativePath: "index.md", path: path, title: title, description: nil, isHome: true)
        var context = HomeContext(
            page: pageView, content: "", banners: banners.banners(language: language, path: path),
            pages: listing(language, from: path, library: library), sources: [])
        context.groups = views.homeGroups(language, from: path)
        return OutputFile(path: path + "index.html", text: try library.templates.render(context, with: "home"))
    }
}
