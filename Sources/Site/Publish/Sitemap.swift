import Content
import Output

/// `sitemap.xml` with `xhtml:link` alternates for each translation, and `robots.txt` pointing to it.
enum Sitemap {
    static func files(library: SiteLibrary) -> [OutputFile] {
        let router = library.router
        let config = library.config
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        text.reserveCapacity(library.pages.count * 400)
        // Page indices sorted by URL path: no copies of the pages themselves.
        // Draft languages are previewable but not published: not in the sitemap, not among the alternates.
        let ordered = library.pages.indices.filter { !config.draftLanguages.contains(library.pages[$0].language) }
            .compactMap { index in router.path(of: library.pages[index]).map { (index, $0) } }
            .sorted { $0.1 < $1.1 }
        for (index, path) in ordered {
            let relativePath = library.pages[index].relativePath
            text += "<url>\n<loc>\(XML.escape(router.absolute(path)))</loc>\n"
            if let day = library.pages[index].frontMatter.updated ?? library.pages[index].frontMatter.date {
                text += "<lastmod>\(day)</lastmod>\n"
            }
            let translations = config.publishedLanguages.compactMap { language in
                router.translationPath(of: Router.PageID(language: language, relativePath: relativePath)).map { (language, $0) }
            }
            if translations.count > 1 {
                for (language, other) in translations {
                    text += "<xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(XML.escape(router.absolute(other)))\"/>\n"
                }
                let fallback = library.pages[index].isHome ? "" : translations.first { $0.0 == config.sourceLanguage }?.1
                if let fallback {
                    text += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XML.escape(router.absolute(fallback)))\"/>\n"
                }
            }
            text += "</url>\n"
        }
        text += "</urlset>\n"
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(router.absolute("sitemap.xml"))\n"
        return [OutputFile(path: "sitemap.xml", text: text), OutputFile(path: "robots.txt", text: robots)]
    }
}
