import Content
import Diagnostics
import Foundation
import Markdown
import Output
import Templates

/// Renders every page of a loaded library in parallel (Zola's `Site::build`), in memory, as a straight
/// sequence of named steps: plan the jobs, render them, check the `#part` links, collect the files and
/// reports, add the synthetic home pages, audit the translations, add the site-wide files.
/// Caching wraps these steps (`RenderCache.build`) rather than living inside them.
public enum SiteBuilder {
    /// One rendered page: its file and what it contains.
    struct Rendered: Sendable {
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

    /// A page to render: a real page, or a source page shown in a language that lacks it. It names its
    /// page by position in `library.pages` rather than holding a copy (a page is some 500 bytes, times
    /// every job of a large site).
    struct Job: Sendable {
        /// The page shown: `library.pages[pageIndex]`.
        var pageIndex: Int
        var language: String
        var path: String
        var isFallback: Bool
    }

    /// What every page of one build shares, made once, and the pages to render.
    struct Plan: Sendable {
        let library: SiteLibrary
        let now: Date
        let views: ViewFactory
        let banners: BannerFactory
        /// Ids the templates use themselves, which no heading may take.
        let reservedIDs: Set<String>
        /// Home pages first: each lists every page of its language, so the longest jobs go first and no
        /// core waits for one at the end.
        let jobs: [Job]
        /// Where each rendered page and its bundle files go as soon as they are made (`Guidepost.build`);
        /// nil: they are kept in memory, in the built site's files.
        var spare: SpareFolder?
        /// The jobs' bodies when the plan streams (`init(streaming:now:)`): each is handed to its job once,
        /// so none outlives its renderings; nil: the library's pages hold their bodies.
        private(set) var bodies: BodyStore?

        /// Plans a build of `library` at `now`; `navigation` reuses a previous build's (see `update`).
        init(_ library: SiteLibrary, now: Date, navigation: Navigation? = nil, jobs: [Job]? = nil) {
            self.library = library
            self.now = now
            views = ViewFactory(library: library, now: now, assetPaths: AssetPaths(assets: library.assets), navigation: navigation)
            banners = BannerFactory(library: library, now: now)
            reservedIDs = TemplateIDs.fixed(in: library.templates)
            self.jobs = jobs ?? SiteBuilder.jobs(library)
        }

        /// Plans a build that lets go of each body once the jobs that show it are rendered (`Guidepost.build`):
        /// the bodies move from `library` into a `BodyStore`, one slot per job.
        init(streaming library: consuming SiteLibrary, now: Date) {
            let jobs = SiteBuilder.jobs(library)
            let bodies = BodyStore(jobs, of: library)
            library.dropBodies()
            self.init(library, now: now, jobs: jobs)
            self.bodies = bodies
        }

        /// Renders one job, with the `#part` links it holds (which come back even when it has other errors).
        /// With a spare folder, the page and its bundle files are written into it at once, from this thread,
        /// and the page's bytes are not kept.
        func render(_ job: Job, page: Page) -> Outcome {
            var anchors: [AnchorLink] = []
            var result = SiteBuilder.render(
                job, page: page, library: library, views: views, banners: banners, reservedIDs: reservedIDs, anchors: &anchors)
            guard let spare, case .success(var page) = result else { return Outcome(result: result, anchors: anchors) }
            spare.write(page.file)
            for file in SiteBuilder.bundleFiles(job, library: library) { spare.write(file) }
            // Only what the rest of the build reads is kept (what the page used matters to `RenderCache` only).
            page.file.bytes = []
            page.usedFacts = []
            page.linkedPages = []
            page.usedFiles = []
            result = .success(page)
            return Outcome(result: result, anchors: anchors)
        }

        /// Every output path the build will write but the site-wide files: pages, bundle files, `static/`,
        /// synthetic home pages (a spare folder keeps these when they are unchanged).
        var plannedPaths: [String] {
            var paths: [String] = []
            var homes = Set<String>()
            for job in jobs {
                paths.append(job.path + "index.html")
                paths += SiteBuilder.bundleFiles(job, library: library).map(\.path)
                if !job.isFallback, library.pages[job.pageIndex].isHome { homes.insert(job.language) }
            }
            paths += library.bundles.staticFiles().map(\.path)
            for language in library.config.languages where !homes.contains(language) { paths.append("\(language)/index.html") }
            return paths
        }
    }

    /// One job's rendering, or its errors, with the `#part` links it holds.
    struct Outcome: Sendable {
        var result: Result<Rendered, BuildFailure>
        var anchors: [AnchorLink]
    }

    /// The files of `job`'s page bundle, published beside it.
    static func bundleFiles(_ job: Job, library: SiteLibrary) -> [OutputFile] {
        let relativePath = library.pages[job.pageIndex].relativePath
        let source = Router.PageID(language: library.config.sourceLanguage, relativePath: relativePath)
        return library.bundles.files(
            page: relativePath, language: job.language, sourceLanguage: source.language, at: job.path,
            copyBorrowed: library.router.path(of: source) == nil)
    }

    /// Builds all files, or every error found while rendering.
    public static func build(_ library: SiteLibrary, now: Date) -> Result<BuiltSite, BuildFailure> {
        build(Plan(library, now: now))
    }

    /// Builds the planned site; with `plan.spare`, the pages and their bundle files are written into it as
    /// they are rendered, and the built site's files are only the others (`static/`, synthetic home pages,
    /// site-wide files).
    static func build(_ plan: Plan) -> Result<BuiltSite, BuildFailure> {
        let outcomes = renderAll(plan)
        return assemble(plan, outcomes) { audit, published throws(TemplateError) in
            try SiteExtras.files(library: plan.library, views: plan.views, now: plan.now, audit: audit, publishedPaths: published)
        }
    }

    /// Step 1, plan: every real page at its route, then each fallback (a source page in a language that lacks it).
    static func jobs(_ library: SiteLibrary) -> [Job] {
        let pages = library.pages
        let homesFirst = pages.indices.filter { pages[$0].isHome } + pages.indices.filter { !pages[$0].isHome }
        var jobs = homesFirst.compactMap { index in
            library.router.path(of: pages[index]).map {
                Job(pageIndex: index, language: pages[index].language, path: $0, isFallback: false)
            }
        }
        for route in library.router.fallbackRoutes {
            guard let index = library.position(library.config.sourceLanguage, route.id.relativePath) else { continue }
            jobs.append(Job(pageIndex: index, language: route.id.language, path: route.path, isFallback: true))
        }
        return jobs
    }

    /// Step 2, render: every job in parallel, in order; `reused` gives a job's earlier rendering when its
    /// inputs are unchanged (nil: render it).
    static func renderAll(_ plan: Plan, reused: [Rendered?]? = nil) -> [Outcome] {
        parallelMap(Array(plan.jobs.indices)) { index -> Outcome in
            if let hit = reused?[index] { return Outcome(result: .success(hit), anchors: hit.anchors) }
            let job = plan.jobs[index]
            var page = plan.library.pages[job.pageIndex]
            if let bodies = plan.bodies { page.body = bodies.take(index) }
            return plan.render(job, page: page)
        }
    }

    /// Steps 3 to 7: check the `#part` links, collect the files and reports, add the synthetic home pages,
    /// audit the translations and add the site-wide files (`extras`, given the audit and the published paths).
    static func assemble(
        _ plan: Plan, _ outcomes: [Outcome],
        extras: (TranslationAudit, [String]) throws(TemplateError) -> [OutputFile]
    ) -> Result<BuiltSite, BuildFailure> {
        let library = plan.library
        var collected = collect(plan, outcomes)
        // Every page handed to the spare folder is written before any is read back (an error for fallbacks too).
        do { try plan.spare?.flush() } catch { collected.errors.append(error) }
        collected.errors += anchorErrors(plan, outcomes)
        if let failure = collected.errors.failure { return .failure(failure) }
        var files = collected.files + library.bundles.staticFiles()
        var counts = collected.counts
        do {
            for language in library.config.languages where !collected.homes.contains(language) {
                files.append(try syntheticHome(language, library: library, views: plan.views, banners: plan.banners))
                counts[language, default: 0] += 1
            }
        } catch {
            return .failure(BuildFailure([error]))
        }
        let audit = TranslationAudit.run(library, reports: collected.reports)
        let published = Redirects.publishedPaths(library: library)
        do { files += try extras(audit, published) } catch { return .failure(BuildFailure([error])) }
        files.sort { $0.path < $1.path }
        var site = BuiltSite(
            files: files, pageCounts: library.config.languages.map { ($0, counts[$0, default: 0]) }, search: library.config.search,
            keep: library.config.keep)
        site.audit = audit
        site.publishedPaths = published
        site.reports = collected.reports.sorted { ($0.language, $0.relativePath) < ($1.language, $1.relativePath) }
        return .success(site)
    }

    /// The files, reports and page counts of the rendered jobs, and the errors of the real pages (a
    /// fallback's errors are its source page's, reported there).
    private struct Collected {
        var files: [OutputFile] = []
        var reports: [PageReport] = []
        var counts: [String: Int] = [:]
        /// The languages with a home page of their own.
        var homes = Set<String>()
        var errors = DiagnosticCollector()
    }

    /// Step 4, collect: each rendered page with the bundle files published beside it.
    private static func collect(_ plan: Plan, _ outcomes: [Outcome]) -> Collected {
        let library = plan.library
        var collected = Collected()
        for (job, outcome) in zip(plan.jobs, outcomes) {
            switch outcome.result {
            case .success(let page):
                if plan.spare == nil { collected.files += [page.file] + bundleFiles(job, library: library) }
                if let report = page.report { collected.reports.append(report) }
                if !job.isFallback {
                    collected.counts[job.language, default: 0] += 1
                    if library.pages[job.pageIndex].isHome { collected.homes.insert(job.language) }
                }
            case .failure(let failure):
                if !job.isFallback { collected.errors += failure }
            }
        }
        return collected
    }

    /// Step 3, check anchors: the `#part` links of real pages that name no id on the published page they lead to.
    private static func anchorErrors(_ plan: Plan, _ outcomes: [Outcome]) -> [SiteError] {
        var links: [AnchorLink] = []
        for (job, outcome) in zip(plan.jobs, outcomes) where !job.isFallback { links += outcome.anchors }
        guard !links.isEmpty else { return [] }
        var pages: [Router.PageID: OutputFile] = [:]
        for (job, outcome) in zip(plan.jobs, outcomes) {
            if case .success(let page) = outcome.result {
                let relativePath = plan.library.pages[job.pageIndex].relativePath
                pages[Router.PageID(language: job.language, relativePath: relativePath)] = page.file
            }
        }
        // A page written into the spare folder is read back from it (only the pages links lead to).
        return AnchorCheck.errors(links) { id in pages[id].flatMap { plan.spare?.read($0.path) ?? $0.bytes } }
    }
}
