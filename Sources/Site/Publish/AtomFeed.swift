import Content
import Foundation
import Markdown
import Output

/// One Atom feed per language (`<lang>/feed.xml`) of the pages that say when they were updated.
enum AtomFeed {
    static func path(language: String) -> String { "\(language)/feed.xml" }

    static func files(library: SiteLibrary, now: Date) -> [OutputFile] {
        library.config.publishedLanguages.map { language in
            OutputFile(path: path(language: language), text: feed(language, library: library, now: now))
        }
    }

    private static func feed(_ language: String, library: SiteLibrary, now: Date) -> String {
        let router = library.router
        let entries = library.pages
            .filter { $0.language == language && $0.frontMatter.updated != nil }
            .sorted { ($1.frontMatter.updated!, $0.frontMatter.title) < ($0.frontMatter.updated!, $1.frontMatter.title) }
        let newest = entries.first?.frontMatter.updated.map(stamp) ?? BuildOptions.formatInstant(now)
        let title = Typography.apply(library.config.title.text(in: language), language: language)
        let subtitle = Typography.apply(library.config.description.text(in: language), language: language)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language)\">",
            "<title>\(XML.escape(title))</title>",
            "<subtitle>\(XML.escape(subtitle))</subtitle>",
            "<id>\(XML.escape(router.absolute(path(language: language))))</id>",
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(router.absolute(path(language: language))))\"/>",
            "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(router.absolute("\(language)/")))\"/>",
            "<updated>\(newest)</updated>",
            "<author><name>\(XML.escape(title))</name></author>",
            "<generator>Guidepost</generator>",
        ]
        for page in entries {
            guard let pagePath = router.path(of: page) else { continue }
            let url = XML.escape(router.absolute(pagePath))
            lines.append("<entry>")
            lines.append("<title>\(XML.escape(Typography.apply(page.frontMatter.title, language: language)))</title>")
            lines.append("<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>")
            lines.append("<id>\(url)</id>")
            if let published = page.frontMatter.date { lines.append("<published>\(stamp(published))</published>") }
            lines.append("<updated>\(stamp(page.frontMatter.updated!))</updated>")
            if let summary = page.frontMatter.description {
                lines.append("<summary>\(XML.escape(Typography.apply(summary, language: language)))</summary>")
            }
            lines.append("</entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func stamp(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }
}
