import Content

/// Free-form `extra` objects (front matter and `site.json`, Hugo's `params` and Zola's `extra`) as
/// template data: objects become tables, arrays lists, numbers keep their written form.
public enum ExtraData {
    /// `json` as templates read it.
    public static func from(_ json: JSON) -> TemplateData {
        switch json.value {
        case .object(let members):
            var table: [String: TemplateData] = [:]
            for member in members { table[member.key] = from(member.value) }
            return .object(table)
        case .array(let items): return .list(items.map(from))
        case .string(let text): return .string(text)
        case .number(let value, let text):
            if value == value.rounded(), abs(value) < 1e15, !text.contains("."), !text.lowercased().contains("e") {
                return .int(Int(value))
            }
            return .string(text)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        }
    }

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
