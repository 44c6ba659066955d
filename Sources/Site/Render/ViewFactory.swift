import Content
import Foundation
import Markdown
import Templates

/// Builds the typed template contexts from the loaded library (view models apart from domain models).
struct ViewFactory: Sendable {
    let library: SiteLibrary
    let now: Date
    let assetPaths: AssetPaths
    /// Sections, reading order and the menu of every language.
    let navigation: Navigation
    /// `{{site.…}}`: the site's `extra`.
    let site: SiteView
    /// Per language, computed once per build rather than once per page.
    private let flatStrings: [String: [String: String]]
    private let builtOn: [String: String]
    private let builtOnISO: String
    private let siteTitles: [String: String]
    private let progressForms: [String: [PluralFormView]]
    /// Every source as each language shows it, made once: a page's source list only picks from it.
    private var sourceTable: [String: [String: SourceView]] = [:]
    /// What every page of a language shows alike, made once (a reference: one retain per page to read it).
    private let parts: [String: LanguageParts]
    /// The same, in the order of the site's languages (the switcher's order), read without a lookup per language.
    private let orderedParts: [(code: String, parts: LanguageParts)]
    /// The links every page makes to the site root, the stylesheet, the script and the search files.
    private let rootLinks: [FixedLink?]

    /// The parts of a page that depend on its language only.
    final class LanguageParts: Sendable {
        let name: String
        /// The "not yet translated" label; nil when the language has no strings file.
        let notTranslated: String?
        let description: String
        let isDraft: Bool
        let isRightToLeft: Bool
        let numberingSystem: String?
        let ogLocale: String
        let feedPath: String
        let publisherLabel: String
        let reportSubject: String
        let reportLabel: String
        /// Each callout type's title (`callout-note`…), typeset; empty when the language has no strings file.
        let calloutTitles: [String: String]
        /// The links every page of the language makes to its home and to its feed.
        let homeLink: FixedLink?
        let feedLink: FixedLink?

        init(language: String, library: SiteLibrary) {
            let config = library.config
            let strings = library.strings[language]
            name = strings?["language-name"] ?? language
            notTranslated = strings?["not-translated"]
            description = Typography.apply(config.description.text(in: language), language: language)
            isDraft = config.draftLanguages.contains(language)
            let locale = config.locale(language)
            isRightToLeft = locale.isRightToLeft
            numberingSystem = locale.numberingSystem == "latn" ? nil : locale.numberingSystem
            ogLocale = config.locales[language] ?? language
            // A draft language has no feed of its own yet: its pages point to the source language's.
            feedPath = AtomFeed.path(language: isDraft ? config.sourceLanguage : language)
            publisherLabel = strings?.strings["footer-publisher"] ?? "Published by"
            reportSubject = strings?.strings["report-subject"] ?? "Error on {url}"
            reportLabel = strings?.strings["report-error"] ?? "Report an error on this page"
            var titles: [String: String] = [:]
            if let strings {
                for type in MarkdownOptions.calloutTypes {
                    titles[type] = Typography.apply(strings["callout-\(type)"], language: language)
                }
            }
            calloutTitles = titles
            homeLink = FixedLink("\(language)/")
            feedLink = FixedLink(feedPath)
        }
    }

    /// `navigation` is the previous build's when the caller knows no title, weight, route or menu changed
    /// (an edit of article text), so an incremental rebuild does not walk every page again.
    init(library: SiteLibrary, now: Date, assetPaths: AssetPaths, navigation: Navigation? = nil) {
        self.library = library
        self.now = now
        self.assetPaths = assetPaths
        self.navigation = navigation ?? Navigation(library: library)
        self.site = SiteView(extra: library.config.extra.map(ExtraData.from) ?? ExtraData.empty)
        let day = Instant.calendarDate(of: now, in: "UTC")
        var flat: [String: [String: String]] = [:]
        var parts: [String: LanguageParts] = [:]
        for language in library.config.languages { parts[language] = LanguageParts(language: language, library: library) }
        self.parts = parts
        orderedParts = library.config.languages.compactMap { code in parts[code].map { (code, $0) } }
        rootLinks = ["", assetPaths.stylesheet, assetPaths.script, "pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css"].map {
            FixedLink($0)
        }
        var built: [String: String] = [:]
        var titles: [String: String] = [:]
        var progress: [String: [PluralFormView]] = [:]
        for language in library.config.languages {
            progress[language] =
                library.strings[language]?.forms("checklist-progress").map { PluralFormView(category: $0.category.rawValue, text: $0.text) }
                ?? []
            flat[language] = ViewFactory.flatten(library.strings[language])
            built[language] = library.config.locale(language).formats.format(day)
            titles[language] = Typography.apply(library.config.title.text(in: language), language: language)
        }
        self.siteTitles = titles
        self.progressForms = progress
        self.flatStrings = flat
        self.builtOn = built
        self.builtOnISO = BuildOptions.formatInstant(now)
        var table: [String: [String: SourceView]] = [:]
        for language in library.config.languages {
            table[language] = Dictionary(
                library.facts.allSources.map { ($0.key, makeSourceView($0, language)) }, uniquingKeysWith: { first, _ in first })
        }
        self.sourceTable = table
    }

    /// The language's strings as `{{t.key}}` sees them: plain keys, plus `key-one`, `key-other`… for plurals.
    func strings(_ language: String) -> [String: String] { flatStrings[language] ?? [:] }

    private static func flatten(_ table: UIStrings?) -> [String: String] {
        guard let table else { return [:] }
        var flat = table.strings
        for (key, forms) in table.plurals {
            for (category, text) in forms { flat["\(key)-\(category.rawValue)"] = text }
        }
        return flat
    }

    func date(_ date: CalendarDate?, _ language: String) -> DateView? {
        date.map { DateView(text: library.config.locale(language).formats.format($0), iso: $0.description) }
    }

    /// The head, navigation and switcher of the page at `path` (a translation of `relativePath`).
    func page(language: String, relativePath: String?, path: String, title: String, description: String?, isHome: Bool) -> PageView {
        let config = library.config
        let own = parts[language] ?? LanguageParts(language: language, library: library)
        let siteTitle = siteTitles[language] ?? Typography.apply(config.title.text(in: language), language: language)
        let title = Typography.apply(title, language: language)
        let description = description.map { Typography.apply($0, language: language) } ?? own.description
        let origin = FixedLink.Origin(path)
        // `Router.relative(from: path, to: target)`, from a table made once when there is one.
        func relative(_ fixed: FixedLink?, _ target: @autoclosure () -> String) -> String {
            fixed?.link(from: origin) ?? Router.relative(from: path, to: target())
        }
        var switcher: [LanguageLinkView] = []
        var alternates: [AlternateView] = []
        var ogLocaleAlternates: [String] = []
        switcher.reserveCapacity(config.languages.count)
        alternates.reserveCapacity(config.languages.count + 1)
        // The site's languages in order, with their parts (every language of `config.languages` has them).
        let others =
            orderedParts.count == config.languages.count
            ? orderedParts : config.languages.map { ($0, parts[$0] ?? LanguageParts(language: $0, library: library)) }
        // A draft language is offered nowhere but on its own pages (it is previewable, not published).
        for (other, listed) in others {
            let theirs = other == language ? own : listed
            guard other == language || !theirs.isDraft else { continue }
            let translation = relativePath.flatMap { library.router.translationPath(of: Router.PageID(language: other, relativePath: $0)) }
            let target = translation ?? (isHome ? "\(other)/" : nil)
            switcher.append(
                LanguageLinkView(
                    code: other, name: theirs.name,
                    url: target == nil ? relative(theirs.homeLink, "\(other)/") : Router.relative(from: path, to: target!),
                    isCurrent: other == language, isMissing: target == nil, missingLabel: theirs.notTranslated ?? ""))
            if let target, !own.isDraft {
                alternates.append(AlternateView(hreflang: other, url: library.router.absolute(target)))
                if other != language { ogLocaleAlternates.append(theirs.ogLocale) }
            }
        }
        if let defaultAlternate = alternates.first(where: { $0.hreflang == config.sourceLanguage }) {
            alternates.append(AlternateView(hreflang: "x-default", url: isHome ? library.router.absolute("") : defaultAlternate.url))
        }
        var view = PageView(
            lang: language, title: title,
            documentTitle: isHome || title == siteTitle ? siteTitle : "\(title) – \(siteTitle)",
            description: description,
            siteTitle: siteTitle, canonicalURL: library.router.absolute(path),
            homeURL: relative(own.homeLink, "\(language)/"), rootURL: relative(rootLinks[0], ""),
            stylesheetURL: relative(rootLinks[1], assetPaths.stylesheet),
            scriptURL: relative(rootLinks[2], assetPaths.script),
            languages: switcher, alternates: alternates.count > 1 ? alternates : [],
            t: strings(language), builtOn: builtOn[language] ?? "",
            builtOnISO: builtOnISO, isHome: isHome)
        view.ogType = isHome ? "website" : "article"
        view.noindex = own.isDraft
        view.isRightToLeft = own.isRightToLeft
        view.numberingSystem = own.numberingSystem
        view.progressForms = progressForms[language] ?? []
        view.ogLocale = own.ogLocale
        view.ogLocaleAlternates = ogLocaleAlternates
        view.feedURL = relative(own.feedLink, own.feedPath)
        view.hasSearch = config.search
        view.searchScriptURL = relative(rootLinks[3], "pagefind/pagefind-ui.js")
        view.searchStylesheetURL = relative(rootLinks[4], "pagefind/pagefind-ui.css")
        view.menu = navigation.menu(in: language).map { link($0, from: path, language: language) }
        if let publisher = config.publisher {
            view.publisherName = publisher.name
            view.publisherURL = publisher.url
            view.publisherLabel = own.publisherLabel
            view.reportURL = publisher.reportURL(pageURL: view.canonicalURL, subject: own.reportSubject)
            view.reportLabel = own.reportLabel
        }
        return view
    }

    /// The callout titles of text written in `language` (made once per language).
    func calloutTitles(_ language: String) -> [String: String] {
        parts[language]?.calloutTitles ?? LanguageParts(language: language, library: library).calloutTitles
    }

    /// A navigation entry as a link from the page at `path`.
    func link(_ entry: Navigation.Entry, from path: String, language: String) -> PageLinkView {
        var view = PageLinkView(
            title: entry.title, description: entry.description, url: Router.relative(from: path, to: entry.path),
            fallbackLabel: entry.isFallback ? (parts[language]?.notTranslated ?? library.strings[language]?["not-translated"]) : nil)
        view.isCurrent = entry.path == path
        return view
    }

    /// The language's home as the first crumb, then the sections above `relativePath`.
    func breadcrumb(_ relativePath: String, language: String, from path: String) -> [PageLinkView] {
        let homeTitle = navigation.entry(language, "index.md")?.title ?? siteTitles[language] ?? ""
        let home = PageLinkView(title: homeTitle, description: nil, url: Router.relative(from: path, to: "\(language)/"))
        return [home] + navigation.ancestors(of: relativePath, in: language).map { link($0, from: path, language: language) }
    }

    /// The home page's groups: top-level pages by campaign (campaigns in `site.json` order, then pages
    /// without one), then each top-level section with its pages.
    func homeGroups(_ language: String, from path: String) -> [PageGroupView] {
        let top = navigation.children(of: "", in: language)
        var groups: [PageGroupView] = []
        let pages = top.filter { !$0.isIndex }
        for name in library.config.campaigns {
            let members = pages.filter { $0.campaign == name }
            guard !members.isEmpty else { continue }
            let title = library.campaigns[name].map { Typography.apply($0.title.text(in: language), language: language) }
            groups.append(PageGroupView(title: title, url: nil, pages: members.map { link($0, from: path, language: language) }))
        }
        let rest = pages.filter { $0.campaign == nil || !library.config.campaigns.contains($0.campaign!) }
        if !rest.isEmpty {
            groups.append(
                PageGroupView(
                    title: groups.isEmpty ? nil : library.strings[language]?["other-pages"],
                    url: nil, pages: rest.map { link($0, from: path, language: language) }))
        }
        for section in top where section.isIndex {
            let members = navigation.children(of: section.folder, in: language).map { link($0, from: path, language: language) }
            groups.append(PageGroupView(title: section.title, url: Router.relative(from: path, to: section.path), pages: members))
        }
        return groups
    }

    /// The sources behind `keys`, as a page lists them: the `cited` ones first, in citation order (so a
    /// citation's number is its place in the list), then the others by key.
    func sources(_ keys: Set<String>, _ language: String, cited: [String] = []) -> [SourceView] {
        let all = library.facts.sources(for: keys)
        guard !cited.isEmpty else { return sourceViews(all, language) }
        let rank = Dictionary(uniqueKeysWithValues: cited.enumerated().map { ($1, $0) })
        let first = all.filter { rank[$0.key] != nil }.sorted { rank[$0.key]! < rank[$1.key]! }
        return sourceViews(first + all.filter { rank[$0.key] == nil }, language)
    }

    /// Every source of the site.
    func allSources(_ language: String) -> [SourceView] { sourceViews(library.facts.allSources, language) }

    private func sourceViews(_ entries: [(key: String, source: Source)], _ language: String) -> [SourceView] {
        let known = sourceTable[language]
        return entries.map { known?[$0.key] ?? makeSourceView($0, language) }
    }

    private func makeSourceView(_ entry: (key: String, source: Source), _ language: String) -> SourceView {
        var view = SourceView(
            key: entry.key, publisher: entry.source.publisher, title: entry.source.title,
            date: date(entry.source.date, language), url: entry.source.url, language: entry.source.language)
        if view.date == nil, let month = entry.source.month {
            view.date = DateView(
                text: library.config.locale(language).formats.format(month: month), iso: String(month.description.prefix(7)))
        }
        if entry.source.titleFromURL {
            view.titleNote = optionalString("source-title-from-url", language) ?? "title as given in its address"
        }
        if entry.source.undated { view.undatedText = optionalString("source-undated", language) ?? "date not shown" }
        if let via = entry.source.via {
            view.via = via
            view.viaHost = String(via.drop(while: { $0 != "/" }).dropFirst(2).prefix(while: { $0 != "/" }))
            view.viaText = optionalString("source-via", language) ?? "read in a copy at"
        }
        return view
    }

    /// A UI string the engine prints only when the site defines it (an English default stands in otherwise).
    func optionalString(_ key: String, _ language: String) -> String? { library.strings[language]?.strings[key] }

    /// Headings of level 2 and deeper, for a table of contents.
    func headings(_ rendered: RenderedMarkdown) -> [Heading] {
        rendered.headings.filter { $0.level >= 2 }
    }
}

/// Where the assets are published: CSS and JS files get a content hash in their names
/// (`assets/style.3f2a9c1b7e.css`), so a host can cache them forever.
struct AssetPaths: Sendable {
    /// Original path under the templates folder → published path.
    let published: [String: String]

    init(assets: [(path: String, bytes: [UInt8])]) {
        var published: [String: String] = [:]
        for asset in assets {
            let name = asset.path as NSString
            let ext = name.pathExtension
            guard ext == "css" || ext == "js" else {
                published[asset.path] = asset.path
                continue
            }
            published[asset.path] = "\(name.deletingPathExtension).\(AssetPaths.hash(asset.bytes)).\(ext)"
        }
        self.published = published
    }

    /// The published path of `original` (unchanged when it is not an asset).
    func path(_ original: String) -> String { published[original] ?? original }

    var stylesheet: String { path("assets/style.css") }
    var script: String { path("assets/guidepost.js") }

    /// 10 hexadecimal digits of the content hash: stable across runs and machines.
    static func hash(_ bytes: [UInt8]) -> String { ContentHash.hex(bytes, length: 10) }
}
