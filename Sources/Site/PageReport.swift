import Content
import Diagnostics
import Markdown

/// What one page contains, for parity checks between translations.
public struct PageReport: Sendable, Equatable {
    /// The page's language.
    public var language: String
    /// Its path under the language folder (shared by translations).
    public var relativePath: String
    /// The fact keys it prints.
    public var facts: Set<String>
    /// The source keys its front matter names.
    public var sources: Set<String>
    /// The number of items of each checklist, in order.
    public var checklistItems: [Int]
    /// The level of each heading, in order.
    public var headingLevels: [Int]
    /// Where the page is.
    public var location: SourceLocation
}

extension Guidepost {
    /// Loads the site and reports, for every page, the facts, checklists and headings it has.
    public static func pageReports(_ options: BuildOptions) throws(BuildFailure) -> [PageReport] {
        let library: SiteLibrary
        switch SiteLoader.load(options) {
        case .success(let loaded): library = loaded
        case .failure(let failure): throw failure
        }
        return parallelMap(library.pages) { page in
            var resolver = PageResolver(page: page, facts: library.facts, router: library.router)
            let rendered = MarkdownRenderer.render(page.body, options: MarkdownOptions(allowRawHTML: library.config.allowRawHTML), resolver: &resolver)
            return PageReport(language: page.language, relativePath: page.relativePath, facts: resolver.usedFacts,
                              sources: Set(page.frontMatter.sources.map(\.key)),
                              checklistItems: rendered.checklists.map(\.itemCount), headingLevels: rendered.headings.map(\.level),
                              location: page.frontMatter.location)
        }
    }
}
