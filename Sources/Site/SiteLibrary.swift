import Content
import Diagnostics
import Templates

/// Everything a build needs, loaded and checked before any page is rendered.
public struct SiteLibrary: Sendable {
    /// `site.json`.
    public var config: SiteConfig
    /// UI strings by language.
    public var strings: [String: UIStrings]
    /// All facts.
    public var facts: FactStore
    /// Campaigns by name.
    public var campaigns: [String: Campaign]
    /// Every published page, in a stable order (language order, then path).
    public var pages: [Page]
    /// The templates.
    public var templates: TemplateLibrary
    /// Asset files to copy: path under `assets/` → bytes.
    public var assets: [(path: String, bytes: [UInt8])]
    /// Where pages go.
    public var router: Router
}
