import Content
import Diagnostics
import Markdown
import Output

/// Renders every article's Markdown only to collect fact and link errors, when the build cannot go on
/// (for example because a template is broken) but the content errors should still be reported.
enum ContentCheck {
    /// The errors of all pages, leaving out unknown facts from `ignoring` namespaces (already reported broken).
    static func errors(
        in pages: [Page], facts: FactStore, router: Router, config: SiteConfig, ignoring: Set<String>,
        bundles: BundleIndex? = nil
    ) -> [Diagnostic] {
        let found = parallelMap(pages) { page -> [Diagnostic] in
            guard router.path(of: page) != nil else { return [] }
            var resolver = PageResolver(page: page, facts: facts, router: router, config: config)
            resolver.publisher = config.publisher
            resolver.bundles = bundles
            resolver.sourceLanguage = config.sourceLanguage
            resolver.ignoredNamespaces = ignoring
            _ = MarkdownRenderer.render(page.body, options: MarkdownOptions(allowRawHTML: config.allowRawHTML), resolver: &resolver)
            return resolver.errors.diagnostics
        }
        return Array(found.joined())
    }
}
