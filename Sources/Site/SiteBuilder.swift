import Content
import Diagnostics
import Foundation
import Markdown
import Templates

/// Renders every page of a loaded library in parallel (Zola's `Site::build`), in memory.
public enum SiteBuilder {
    /// Builds all files, or every error found while rendering.
    public static func build(_ library: SiteLibrary, now: Date) -> Result<BuiltSite, BuildFailure> {
        let views = ViewFactory(library: library, now: now, assetPaths: AssetPaths(assets: library.assets))
        let banners = BannerFactory(library: library, now: now)
        let rendered = parallelMap(library.pages) { page in render(page, library: library, views: views, banners: banners) }

        var errors: [BuildError] = []
        var files: [OutputFile] = []
        var counts: [String: Int] = [:]
        var homes = Set<String>()
        for result in rendered {
            switch result {
            case .success(let (page, file)):
                files.append(file)
                counts[page.language, default: 0] += 1
                if page.isHome { homes.insert(page.language) }
            case .failure(let failure):
                errors += failure.errors
            }
        }
        guard errors.isEmpty else { return .failure(BuildFailure(errors)) }
        for language in library.config.languages where !homes.contains(language) {
            files.append(syntheticHome(language, library: library, views: views, banners: banners))
            counts[language, default: 0] += 1
        }
        files += SiteExtras.files(library: library, views: views, now: now)
        files.sort { $0.path < $1.path }
        return .success(BuiltSite(files: files, pageCounts: library.config.languages.map { ($0, counts[$0, default: 0]) },
                                  search: library.config.search))
    }

    private static func render(_ page: Page, library: SiteLibrary, views: ViewFactory, banners: BannerFactory) -> Result<(Page, OutputFile), BuildFailure> {
        guard let path = library.router.path(of: page) else { return .failure(BuildFailure([])) }
        var resolver = PageResolver(page: page, facts: library.facts, router: library.router)
        let options = MarkdownOptions(allowRawHTML: library.config.allowRawHTML,
                                      checklistPrefix: "check-" + Slugger.slugify(page.translationKey), language: page.language)
        let markdown = MarkdownRenderer.render(page.body, options: options, resolver: &resolver)
        guard resolver.errors.isEmpty else { return .failure(BuildFailure(resolver.errors)) }

        let front = page.frontMatter
        let pageView = views.page(language: page.language, relativePath: page.relativePath, path: path,
                                  title: front.title, description: front.description, isHome: page.isHome)
        var factKeys = resolver.usedFacts.union(front.sources.map(\.key))
        let html: String
        if page.isHome {
            let context = HomeContext(page: pageView, content: markdown.html, banners: banners.banners(language: page.language, path: path),
                                      pages: listing(page.language, from: path, library: library), sources: [])
            for campaign in library.campaigns.values { factKeys.formUnion(campaign.factKeys) }
            var withSources = context
            withSources.sources = views.sources(factKeys, page.language)
            html = library.templates.render(withSources, with: front.layout ?? "home")
        } else {
            let banner = front.campaign.flatMap { library.campaigns[$0] }.map { banners.banner($0, language: page.language, path: path) }
            if let campaign = front.campaign.flatMap({ library.campaigns[$0] }) { factKeys.formUnion(campaign.factKeys) }
            let context = ArticleContext(page: pageView, content: markdown.html, date: views.date(front.date, page.language),
                                         updated: views.date(front.updated, page.language), sources: views.sources(factKeys, page.language),
                                         banner: banner, headings: views.headings(markdown),
                                         allSources: front.layout == "sources" ? views.allSources(page.language) : [])
            html = library.templates.render(context, with: front.layout ?? "page")
        }
        return .success((page, OutputFile(path: path + "index.html", text: html)))
    }

    /// The language's pages other than its home, by weight, then title.
    static func listing(_ language: String, from path: String, library: SiteLibrary) -> [PageLinkView] {
        library.pages.filter { $0.language == language && !$0.isHome }
            .sorted { ($0.frontMatter.weight, $0.frontMatter.title, $0.relativePath) < ($1.frontMatter.weight, $1.frontMatter.title, $1.relativePath) }
            .compactMap { page in
                library.router.path(of: page).map {
                    PageLinkView(title: Typography.apply(page.frontMatter.title, language: language),
                                 description: page.frontMatter.description.map { Typography.apply($0, language: language) },
                                 url: Router.relative(from: path, to: $0))
                }
            }
    }

    private static func syntheticHome(_ language: String, library: SiteLibrary, views: ViewFactory, banners: BannerFactory) -> OutputFile {
        let path = "\(language)/"
        let title = library.config.title.text(in: language)
        let pageView = views.page(language: language, relativePath: "index.md", path: path, title: title, description: nil, isHome: true)
        let context = HomeContext(page: pageView, content: "", banners: banners.banners(language: language, path: path),
                                  pages: listing(language, from: path, library: library), sources: [])
        return OutputFile(path: path + "index.html", text: library.templates.render(context, with: "home"))
    }
}
