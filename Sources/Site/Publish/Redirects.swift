import Content
import Diagnostics
import Foundation
import Markdown
import Output
import Templates

/// Old URLs that keep working: a page's `aliases` become small redirect pages (Hugo's and Zola's
/// aliases), and `site.json`'s `retired` URLs get a page saying the page was removed.
enum Redirects {
    /// Aliases and retired URLs that would overwrite a page, a fallback or one another.
    static func collisions(library: SiteLibrary) -> [SiteError] {
        var taken: [String: String] = [:]
        for path in library.router.allPaths { taken[path] = "a page" }
        for language in library.config.languages { taken["\(language)/"] = "the \(language) home page" }
        var errors: [SiteError] = []
        for page in library.pages {
            for alias in page.frontMatter.aliases {
                if let other = taken[alias.path] {
                    errors.append(SiteError.aliasCollision(alias.location, url: "/" + alias.path, other: other))
                } else {
                    taken[alias.path] = "an alias of \(page.file.path)"
                }
            }
        }
        for retired in library.config.retired {
            if let other = taken[retired.path] {
                errors.append(SiteError.aliasCollision(retired.location, url: "/" + retired.path, other: other))
            } else {
                taken[retired.path] = "a retired URL"
            }
        }
        return errors
    }

    /// The redirect page for every alias and the notice page for every retired URL.
    static func files(library: SiteLibrary, views: ViewFactory) throws(TemplateError) -> [OutputFile] {
        var files: [OutputFile] = []
        for page in library.pages {
            guard !page.frontMatter.aliases.isEmpty, let target = library.router.path(of: page) else { continue }
            for alias in page.frontMatter.aliases {
                files.append(
                    OutputFile(
                        path: alias.path + "index.html",
                        text: redirect(from: alias.path, to: target, page: page, library: library, views: views)))
            }
        }
        for retired in library.config.retired {
            let first = String(retired.path.prefix { $0 != "/" })
            let language = library.config.languages.contains(first) ? first : library.config.sourceLanguage
            var view = views.page(
                language: language, relativePath: nil, path: retired.path,
                title: library.strings[language]?["retired-title"] ?? "", description: nil, isHome: false)
            view.noindex = true
            view.alternates = []
            let context = ArticleContext(page: view, content: "", date: nil, updated: nil, sources: [], banner: nil, headings: [])
            files.append(OutputFile(path: retired.path + "index.html", text: try library.templates.render(context, with: "retired")))
        }
        return files
    }

    /// Every URL path the site publishes as a page (for the next build's check that none disappears).
    static func publishedPaths(library: SiteLibrary) -> [String] {
        var paths = library.router.allPaths
        paths.insert("")
        for language in library.config.languages { paths.insert("\(language)/") }
        for page in library.pages { for alias in page.frontMatter.aliases { paths.insert(alias.path) } }
        for retired in library.config.retired { paths.insert(retired.path) }
        return paths.sorted()
    }

    /// A redirect page (as Hugo's alias template): an instant refresh, a canonical link to the new URL,
    /// `noindex`, and a visible link for browsers that do not follow the refresh.
    private static func redirect(from alias: String, to target: String, page: Page, library: SiteLibrary, views: ViewFactory) -> String {
        let url = XML.escape(Router.relative(from: alias, to: target))
        let title = XML.escape(Typography.apply(page.frontMatter.title, language: page.language))
        let moved = XML.escape(library.strings[page.language]?["page-moved"] ?? "")
        let stylesheet = XML.escape(Router.relative(from: alias, to: views.assetPaths.stylesheet))
        return """
            <!DOCTYPE html>
            <html lang="\(page.language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(XML.escape(library.router.absolute(target)))">
            <meta http-equiv="refresh" content="0; url=\(url)">
            <link rel="stylesheet" href="\(stylesheet)">
            </head>
            <body>
            <main id="main">
            <p>\(moved) <a href="\(url)">\(title)</a></p>
            </main>
            </body>
            </html>

            """
    }
}
