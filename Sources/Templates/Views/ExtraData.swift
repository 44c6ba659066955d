/// Free-form `extra` objects (front matter and `site.json`, Hugo's `params` and Zola's `extra`) as
/// template data (Site converts the JSON: objects become tables, arrays lists, numbers keep their written form).
public enum ExtraData {
    /// An empty object.
    public static let empty = TemplateData.object([String: TemplateData]())
}

/// What every context shares about the site as a whole (`{{site.extra.…}}`).
public struct SiteView: Sendable {
    /// `site.json`'s `extra` object.
    public var extra: TemplateData

    /// Creates the view.
    public init(extra: TemplateData = ExtraData.empty) {
        self.extra = extra
    }
}
