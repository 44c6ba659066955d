/// Which view model each template is rendered with, for the name check and the names reference (the
/// renderers in `Site` follow it: `SiteBuilder` for pages, `SiteExtras` and `Redirects` for the rest).
public enum TemplateContexts {
    /// The templates Guidepost renders by name, each with its view model.
    public static let fixed: [(template: String, context: TemplateSchema)] = [
        ("page", ArticleContext.templateSchema), ("sources", ArticleContext.templateSchema),
        ("404", ArticleContext.templateSchema), ("retired", ArticleContext.templateSchema),
        ("home", HomeContext.templateSchema), ("root", RootContext.templateSchema),
        ("root-404", RootContext.templateSchema), ("translations", TranslationsContext.templateSchema),
    ]

    /// The view model of a custom layout named in front matter: a home page's on a language's `index.md`, else an article's.
    public static func layout(isHome: Bool) -> TemplateSchema {
        isHome ? HomeContext.templateSchema : ArticleContext.templateSchema
    }

    /// Every view model a template can reach from the root ones, each once, roots first, then in the order met.
    public static var reachable: [TemplateSchema] {
        var result: [TemplateSchema] = []
        var seen: Set<String> = []
        var queue = [
            ArticleContext.templateSchema, HomeContext.templateSchema, RootContext.templateSchema, TranslationsContext.templateSchema,
        ]
        while !queue.isEmpty {
            let schema = queue.removeFirst()
            guard seen.insert(schema.type).inserted else { continue }
            result.append(schema)
            for field in schema.fields { queue += field.kind.schemas }
        }
        return result
    }
}

extension TemplateKind {
    /// The view models this kind holds (the element of a list, the value of an optional).
    var schemas: [TemplateSchema] {
        switch self {
        case .object(let schema): return [schema]
        case .list(let inner), .optional(let inner): return inner.schemas
        case .text, .html, .flag, .number, .strings, .free: return []
        }
    }
}
