import Content
import Foundation
import Markdown
import Templates

/// Builds the typed template contexts from the loaded library (view models apart from domain models).
struct ViewFactory: Sendable {
    let library: SiteLibrary
    let now: Date
    let assetPaths: AssetPaths

    /// The language's strings as `{{t.key}}` sees them: plain keys, plus `key-one`, `key-other`… for plurals.
    func strings(_ language: String) -> [String: String] {
        guard let table = library.strings[language] else { return [:] }
        var flat = table.strings
        for (key, forms) in table.plurals {
            for (category, text) in forms { flat["\(key)-\(category.rawValue)"] = text }
        }
        return flat
    }

    func date(_ date: CalendarDate?, _ language: String) -> DateView? {
        date.map { DateView(text: DateFormatting.format($0, language: language), iso: $0.description) }
    }

    /// The head, navigation and switcher of the page at `path` (a translation of `relativePath`).
    func page(language: String, relativePath: String?, path: String, title: String, description: String?, isHome: Bool) -> PageView {
        let config = library.config
        let siteTitle = config.title.text(in: language)
        var switcher: [LanguageLinkView] = []
        var alternates: [AlternateView] = []
        for other in config.languages {
            let translation = relativePath.flatMap { library.router.path(of: Router.PageID(language: other, relativePath: $0)) }
            let target = translation ?? (isHome ? "\(other)/" : nil)
            let otherStrings = library.strings[other]
            switcher.append(LanguageLinkView(
                code: other, name: otherStrings?["language-name"] ?? other,
                url: Router.relative(from: path, to: target ?? "\(other)/"),
                isCurrent: other == language, isMissing: target == nil,
                missingLabel: otherStrings?["not-translated"] ?? ""))
            if let target { alternates.append(AlternateView(hreflang: other, url: library.router.absolute(target))) }
        }
        if let defaultAlternate = alternates.first(where: { $0.hreflang == config.sourceLanguage }) {
            alternates.append(AlternateView(hreflang: "x-default", url: isHome ? library.router.absolute("") : defaultAlternate.url))
        }
        let built = Instant.calendarDate(of: now, in: "UTC")
        return PageView(
            lang: language, title: title,
            documentTitle: isHome || title == siteTitle ? siteTitle : "\(title) – \(siteTitle)",
            description: description ?? config.description.text(in: language),
            siteTitle: siteTitle, canonicalURL: library.router.absolute(path),
            homeURL: Router.relative(from: path, to: "\(language)/"), rootURL: Router.relative(from: path, to: ""),
            stylesheetURL: Router.relative(from: path, to: assetPaths.stylesheet),
            scriptURL: Router.relative(from: path, to: assetPaths.script),
            languages: switcher, alternates: alternates.count > 1 ? alternates : [],
            t: strings(language), builtOn: DateFormatting.format(built, language: language),
            builtOnISO: BuildOptions.formatInstant(now), isHome: isHome)
    }

    /// The sources behind `keys`, as a page lists them.
    func sources(_ keys: Set<String>, _ language: String) -> [SourceView] {
        sourceViews(library.facts.sources(for: keys), language)
    }

    /// Every source of the site.
    func allSources(_ language: String) -> [SourceView] { sourceViews(library.facts.allSources, language) }

    private func sourceViews(_ entries: [(key: String, source: Source)], _ language: String) -> [SourceView] {
        entries.map { entry in
            SourceView(key: entry.key, publisher: entry.source.publisher, title: entry.source.title,
                       date: date(entry.source.date, language), url: entry.source.url, language: entry.source.language)
        }
    }

    /// Headings of level 2 and deeper, for a table of contents.
    func headings(_ rendered: RenderedMarkdown) -> [HeadingView] {
        rendered.headings.filter { $0.level >= 2 }.map { HeadingView(level: $0.level, text: $0.text, id: $0.id) }
    }
}

/// Where the stylesheet and script are published.
struct AssetPaths: Sendable {
    var stylesheet = "assets/style.css"
    var script = "assets/guidepost.js"
}
