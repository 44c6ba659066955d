import Content
import Diagnostics
import Foundation
import Output
import Templates

/// The files that are not articles: the root language chooser, 404 pages, calendars, assets, the build record.
enum SiteExtras {
    static func files(library: SiteLibrary, views: ViewFactory, now: Date, audit: TranslationAudit, publishedPaths: [String])
        throws(TemplateError) -> [OutputFile]
    {
        var files: [OutputFile] = []
        let config = library.config
        let paths = views.assetPaths
        var root = RootContext(
            lang: config.sourceLanguage,
            languages: config.publishedLanguages.map { language in
                var entry = RootLanguageView(
                    code: language, name: library.strings[language]?["language-name"] ?? language,
                    title: config.title.text(in: language), description: config.description.text(in: language),
                    enter: library.strings[language]?["enter-site"] ?? language, url: "\(language)/",
                    notFound: library.strings[language]?["not-found-text"] ?? "")
                entry.isRightToLeft = config.locale(language).isRightToLeft
                return entry
            },
            stylesheetURL: paths.stylesheet, scriptURL: paths.script, canonicalURL: library.router.absolute(""))
        root.isRightToLeft = config.locale(config.sourceLanguage).isRightToLeft
        files.append(OutputFile(path: "index.html", text: try library.templates.render(root, with: "root")))

        // A 404 page is served at any depth, so its links are absolute paths under the base URL's path.
        let basePath = URL(string: config.baseURL)?.path ?? "/"
        let prefix = basePath.hasSuffix("/") ? basePath : basePath + "/"
        var rootNotFound = root
        rootNotFound.stylesheetURL = prefix + paths.stylesheet
        rootNotFound.scriptURL = prefix + paths.script
        rootNotFound.languages = root.languages.map {
            var entry = $0
            entry.url = prefix + entry.url
            return entry
        }
        files.append(OutputFile(path: "404.html", text: try library.templates.render(rootNotFound, with: "root-404")))
        for language in config.languages {
            var view = views.page(
                language: language, relativePath: nil, path: "\(language)/404/",
                title: library.strings[language]?["not-found-title"] ?? "404", description: nil, isHome: false)
            view.homeURL = prefix + "\(language)/"
            view.rootURL = prefix
            view.stylesheetURL = prefix + paths.stylesheet
            view.scriptURL = prefix + paths.script
            view.feedURL = prefix + AtomFeed.path(language: config.draftLanguages.contains(language) ? config.sourceLanguage : language)
            view.searchScriptURL = prefix + "pagefind/pagefind-ui.js"
            view.searchStylesheetURL = prefix + "pagefind/pagefind-ui.css"
            view.canonicalURL = library.router.absolute("\(language)/404.html")
            view.alternates = []
            view.languages = view.languages.map {
                var entry = $0
                entry.url = prefix + "\(entry.code)/"
                return entry
            }
            view.menu = views.navigation.menu(in: language).map { entry in
                var link = views.link(entry, from: "\(language)/404/", language: language)
                link.url = prefix + entry.path
                link.isCurrent = false
                return link
            }
            let context = ArticleContext(page: view, content: "", date: nil, updated: nil, sources: [], banner: nil, headings: [])
            files.append(OutputFile(path: "\(language)/404.html", text: try library.templates.render(context, with: "404")))
        }

        let host = URL(string: config.baseURL)?.host ?? "guidepost.invalid"
        // A calendar reminder only for a deadline still to come: once it has passed, the banner drops the link.
        for campaign in library.campaigns.values.sorted(by: { $0.name < $1.name })
        where DeadlineStatus(deadline: campaign.deadline, now: now, warningDays: 0).state != .passed {
            for language in config.languages {
                let strings = library.strings[language]
                let summary = (strings?["calendar-summary"] ?? "{title}").replacingOccurrences(
                    of: "{title}", with: campaign.title.text(in: language))
                let lastDay = DeadlineStatus(deadline: campaign.deadline, now: now, warningDays: 0).lastDay
                let description =
                    strings?.strings["banner-until"].map {
                        $0.replacingOccurrences(of: "{date}", with: config.locale(language).formats.format(lastDay))
                            + " (\(campaign.deadline.timeZone))"
                    }
                    ?? "\(strings?["banner-deadline"] ?? "") \(config.locale(language).formats.format(campaign.deadline)) (\(campaign.deadline.timeZone))"
                files.append(
                    OutputFile(
                        path: CalendarFile.path(campaign: campaign.name, language: language),
                        text: CalendarFile.render(
                            campaign, language: language, summary: summary, description: description, host: host, now: now)))
            }
        }
        for asset in library.assets { files.append(OutputFile(path: paths.path(asset.path), bytes: asset.bytes)) }
        // The four largest, each over every page, side by side (one per core), kept in this order.
        let parts: [@Sendable () -> Result<[OutputFile], TemplateError>] = [
            { Result { () throws(TemplateError) in [try translationBoard(library: library, views: views, audit: audit)] } },
            { .success(Sitemap.files(library: library)) },
            { .success(AtomFeed.files(library: library, now: now)) },
            { Result { () throws(TemplateError) in try Redirects.files(library: library, views: views) } },
        ]
        for part in parallelMap(parts, { $0() }) { files += try part.get() }
        let urls = publishedPaths.map { "    \"/\(XML.escape($0))\"" }.joined(separator: ",\n")
        files.append(
            OutputFile(
                path: "build.json",
                text:
                    "{\n  \"generator\": \"guidepost\",\n  \"now\": \"\(BuildOptions.formatInstant(now))\",\n  \"urls\": [\n\(urls)\n  ]\n}\n"
            ))
        return files
    }

    /// `translations/index.html`: the editors' board, one row per page and one column per language.
    /// Not linked from the navigation, and `noindex`.
    static func translationBoard(library: SiteLibrary, views: ViewFactory, audit: TranslationAudit) throws(TemplateError) -> OutputFile {
        let language = library.config.sourceLanguage
        let path = "translations/"
        var view = views.page(
            language: language, relativePath: nil, path: path,
            title: library.strings[language]?["translations-title"] ?? "Translations", description: nil, isHome: false)
        view.noindex = true
        view.alternates = []
        let rows = audit.rows.map { row in
            TranslationRowView(
                page: row.page,
                cells: audit.languages.map { code in
                    let target = library.router.translationPath(of: Router.PageID(language: code, relativePath: row.page))
                    let status = row.status[code]?.rawValue ?? ""
                    var cell = TranslationCellView(status: status, url: target.map { Router.relative(from: path, to: $0) })
                    let key = "translation-status-" + cell.statusClass
                    if let label = library.strings[language]?.strings[key] { cell.status = label }
                    cell.notes = (row.imagesNotLocalized[code] ?? []).map { "image not localized: \($0)" }
                    return cell
                })
        }
        let context = TranslationsContext(page: view, languages: audit.languages, rows: rows)
        return OutputFile(path: path + "index.html", text: try library.templates.render(context, with: "translations"))
    }
}
