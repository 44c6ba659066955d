import Content

/// `sitemap.xml` with `xhtml:link` alternates for each translation, and `robots.txt` pointing to it.
enum Sitemap {
    static func files(library: SiteLibrary) -> [OutputFile] {
        let router = library.router
        let config = library.config
        var byKey: [String: [Page]] = [:]
        for page in library.pages { byKey[page.relativePath, default: []].append(page) }
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">",
        ]
        let ordered = library.pages.compactMap { page in router.path(of: page).map { (page, $0) } }.sorted { $0.1 < $1.1 }
        for (page, path) in ordered {
            lines.append("<url>")
            lines.append("<loc>\(XML.escape(router.absolute(path)))</loc>")
            if let day = page.frontMatter.updated ?? page.frontMatter.date { lines.append("<lastmod>\(day)</lastmod>") }
            let translations = (byKey[page.relativePath] ?? []).sorted {
                (config.languages.firstIndex(of: $0.language) ?? 0) < (config.languages.firstIndex(of: $1.language) ?? 0)
            }
            if translations.count > 1 {
                for translation in translations {
                    guard let other = router.path(of: translation) else { continue }
                    lines.append("<xhtml:link rel=\"alternate\" hreflang=\"\(translation.language)\" href=\"\(XML.escape(router.absolute(other)))\"/>")
                }
                let fallback = page.isHome ? "" : translations.first { $0.language == config.sourceLanguage }.flatMap { router.path(of: $0) }
                if let fallback {
                    lines.append("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XML.escape(router.absolute(fallback)))\"/>")
                }
            }
            lines.append("</url>")
        }
        lines.append("</urlset>")
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(router.absolute("sitemap.xml"))\n"
        return [OutputFile(path: "sitemap.xml", text: lines.joined(separator: "\n") + "\n"), OutputFile(path: "robots.txt", text: robots)]
    }
}
