import Content
import Foundation
import Templates

/// The files that are not articles: the root language chooser, 404 pages, calendars, assets, the build record.
enum SiteExtras {
    static func files(library: SiteLibrary, views: ViewFactory, now: Date, audit: TranslationAudit) -> [OutputFile] {
        var files: [OutputFile] = []
        let config = library.config
        let paths = views.assetPaths
        let root = RootContext(
            lang: config.sourceLanguage,
            languages: config.languages.map { language in
                RootLanguageView(code: language, name: library.strings[language]?["language-name"] ?? language,
                                 title: config.title.text(in: language), description: config.description.text(in: language),
                                 enter: library.strings[language]?["enter-site"] ?? language, url: "\(language)/",
                                 notFound: library.strings[language]?["not-found-text"] ?? "")
            },
            stylesheetURL: paths.stylesheet, scriptURL: paths.script, canonicalURL: library.router.absolute(""))
        files.append(OutputFile(path: "index.html", text: library.templates.render(root, with: "root")))

        // A 404 page is served at any depth, so its links are absolute paths under the base URL's path.
        let basePath = URL(string: config.baseURL)?.path ?? "/"
        let prefix = basePath.hasSuffix("/") ? basePath : basePath + "/"
        var rootNotFound = root
        rootNotFound.stylesheetURL = prefix + paths.stylesheet
        rootNotFound.scriptURL = prefix + paths.script
        rootNotFound.languages = root.languages.map { var entry = $0; entry.url = prefix + entry.url; return entry }
        files.append(OutputFile(path: "404.html", text: library.templates.render(rootNotFound, with: "root-404")))
        for language in config.languages {
            var view = views.page(language: language, relativePath: nil, path: "\(language)/404/",
                                  title: library.strings[language]?["not-found-title"] ?? "404", description: nil, isHome: false)
            view.homeURL = prefix + "\(language)/"
            view.rootURL = prefix
            view.stylesheetURL = prefix + paths.stylesheet
            view.scriptURL = prefix + paths.script
            view.feedURL = prefix + AtomFeed.path(language: language)
            view.searchScriptURL = prefix + "pagefind/pagefind-ui.js"
            view.searchStylesheetURL = prefix + "pagefind/pagefind-ui.css"
            view.canonicalURL = library.router.absolute("\(language)/404.html")
            view.alternates = []
            view.languages = view.languages.map { var entry = $0; entry.url = prefix + "\(entry.code)/"; return entry }
            let context = ArticleContext(page: view, content: "", date: nil, updated: nil, sources: [], banner: nil, headings: [])
            files.append(OutputFile(path: "\(language)/404.html", text: library.templates.render(context, with: "404")))
        }

        let host = URL(string: config.baseURL)?.host ?? "guidepost.invalid"
        for campaign in library.campaigns.values.sorted(by: { $0.name < $1.name }) {
            for language in config.languages {
                let strings = library.strings[language]
                let summary = (strings?["calendar-summary"] ?? "{title}").replacingOccurrences(of: "{title}", with: campaign.title.text(in: language))
                let description = "\(strings?["banner-deadline"] ?? "") \(DateFormatting.format(campaign.deadline, language: language)) (\(campaign.deadline.timeZone))"
                files.append(OutputFile(path: CalendarFile.path(campaign: campaign.name, language: language),
                                        text: CalendarFile.render(campaign, language: language, summary: summary, description: description, host: host, now: now)))
            }
        }
        for asset in library.assets { files.append(OutputFile(path: paths.path(asset.path), bytes: asset.bytes)) }
        files.append(translationBoard(library: library, views: views, audit: audit))
        files += Sitemap.files(library: library)
        files += AtomFeed.files(library: library, now: now)
        files.append(OutputFile(path: "build.json", text: "{\n  \"generator\": \"guidepost\",\n  \"now\": \"\(BuildOptions.formatInstant(now))\"\n}\n"))
        return files
    }

    /// `translations/index.html`: the editors' board, one row per page and one column per language.
    /// Not linked from the navigation, and `noindex`.
    static func translationBoard(library: SiteLibrary, views: ViewFactory, audit: TranslationAudit) -> OutputFile {
        let language = library.config.sourceLanguage
        let path = "translations/"
        var view = views.page(language: language, relativePath: nil, path: path,
                              title: library.strings[language]?["translations-title"] ?? "Translations", description: nil, isHome: false)
        view.noindex = true
        view.alternates = []
        let rows = audit.rows.map { row in
            TranslationRowView(page: row.page, cells: audit.languages.map { code in
                let target = library.router.translationPath(of: Router.PageID(language: code, relativePath: row.page))
                var cell = TranslationCellView(status: row.status[code]?.rawValue ?? "", url: target.map { Router.relative(from: path, to: $0) })
                cell.notes = (row.imagesNotLocalized[code] ?? []).map { "image not localized: \($0)" }
                return cell
            })
        }
        let context = TranslationsContext(page: view, languages: audit.languages, rows: rows)
        return OutputFile(path: path + "index.html", text: library.templates.render(context, with: "translations"))
    }
}
