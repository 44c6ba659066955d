import Content
import Diagnostics
import Markdown

/// Renders every article's Markdown only to collect fact and link errors, when the build cannot go on
/// (for example because a template is broken) but the content errors should still be reported.
enum ContentCheck {
    /// The errors of all pages, leaving out unknown facts from `ignoring` namespaces (already reported broken).
    static func errors(
        in pages: [Page], facts: FactStore, router: Router, config: SiteConfig, ignoring: Set<String>,
        bundles: BundleIndex? = nil
    ) -> [BuildError] {
        let found = parallelMap(pages) { page -> [BuildError] in
            guard router.path(of: page) != nil else { return [] }
            var resolver = PageResolver(page: page, facts: facts, router: router, config: config)
            resolver.publisher = config.publisher
            resolver.bundles = bundles
            resolver.sourceLanguage = config.sourceLanguage
            _ = MarkdownRenderer.render(page.body, options: MarkdownOptions(allowRawHTML: config.allowRawHTML), resolver: &resolver)
            return resolver.errors
        }
        return found.joined().filter { error in
            if case .unknownFact(_, let key) = error, let namespace = key.split(separator: ".").first {
                return !ignoring.contains(String(namespace))
            }
            return true
        }
    }
}
