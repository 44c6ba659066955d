import Content
import Diagnostics
import Foundation
import Markdown
import Output
import Templates

extension SiteBuilder {
    /// Renders one page (`job`'s, with its body): its Markdown, its view model, its template, and what it used.
    static func render(
        _ job: Job, page: Page, library: SiteLibrary, views: ViewFactory, banners: BannerFactory,
        reservedIDs: Set<String>, anchors: inout [AnchorLink]
    ) -> Result<Rendered, BuildFailure> {
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
        options.calloutTitles = views.calloutTitles(page.language)
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
        let content = HTMLText(bytes: markdown.htmlBytes)

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
                file: OutputFile(path: path + "index.html", bytes: html), report: report,
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

    /// The home page of a language without its own `index.md`: the site's title and the list of its pages.
    static func syntheticHome(
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
