import Content
import Output

/// `sitemap.xml` with `xhtml:link` alternates for each translation, and `robots.txt` pointing to it.
enum Sitemap {
    static func files(library: SiteLibrary) -> [OutputFile] {
        let router = library.router
        let config = library.config
        // Written as UTF-8 bytes into one buffer (an interpolated string per line was 30,000 instructions a page).
        var xml = XMLBytes()
        xml.reserve(library.pages.count * 400)
        xml.raw(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """)
        // Page indices sorted by URL path: no copies of the pages themselves.
        // Draft languages are previewable but not published: not in the sitemap, not among the alternates.
        let ordered = library.pages.indices.filter { !config.draftLanguages.contains(library.pages[$0].language) }
            .compactMap { index in router.path(of: library.pages[index]).map { (index, $0) } }
            .sorted { $0.1 < $1.1 }
        let published = config.publishedLanguages
        let base = router.absolute("")
        for (index, path) in ordered {
            let relativePath = library.pages[index].relativePath
            xml.raw("<url>\n<loc>")
            xml.escaped(base)
            xml.escaped(path)
            xml.raw("</loc>\n")
            if let day = library.pages[index].frontMatter.updated ?? library.pages[index].frontMatter.date {
                xml.raw("<lastmod>\(day)</lastmod>\n")
            }
            let translations = published.compactMap { language in
                router.translationPath(of: Router.PageID(language: language, relativePath: relativePath)).map { (language, $0) }
            }
            if translations.count > 1 {
                for (language, other) in translations { xml.alternate(language, base, other) }
                let fallback = library.pages[index].isHome ? "" : translations.first { $0.0 == config.sourceLanguage }?.1
                if let fallback { xml.alternate("x-default", base, fallback) }
            }
            xml.raw("</url>\n")
        }
        xml.raw("</urlset>\n")
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(router.absolute("sitemap.xml"))\n"
        return [OutputFile(path: "sitemap.xml", bytes: xml.bytes), OutputFile(path: "robots.txt", text: robots)]
    }
}

/// An XML document being written as UTF-8 bytes.
private struct XMLBytes {
    var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Markup, written as it is.
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Text or an attribute value, with `& < > " '` as entities.
    mutating func escaped(_ text: String) { XML.append(text, to: &bytes) }

    /// `<xhtml:link rel="alternate" hreflang="…" href="…"/>` for the page at `base` + `path`.
    mutating func alternate(_ language: String, _ base: String, _ path: String) {
        raw("<xhtml:link rel=\"alternate\" hreflang=\"")
        raw(language)
        raw("\" href=\"")
        escaped(base)
        escaped(path)
        raw("\"/>\n")
    }
}
