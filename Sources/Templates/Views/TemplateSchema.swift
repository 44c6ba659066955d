/// What a name in a view model holds, as the template name check and the names reference see it.
public indirect enum TemplateKind: Sendable {
    /// Text.
    case text
    /// HTML (`HTMLText`): text that `{{{name}}}` writes as is; templates read it as they read text.
    case html
    /// A flag (`true` or `false`).
    case flag
    /// A whole number.
    case number
    /// A view model, whose own names follow a dot or are read inside `{{#name}}`.
    case object(TemplateSchema)
    /// A list: `{{#name}}` renders once per item.
    case list(TemplateKind)
    /// A value that may be missing.
    case optional(TemplateKind)
    /// The UI strings of the page's language (`t`): any name below it is a string key.
    case strings
    /// Free-form data (`extra`): any name below it is allowed.
    case free

    /// The Swift type a stored property of this kind has (`Optional<DateView>`), as `String(describing:)` prints it.
    public var swiftType: String {
        switch self {
        case .text: return "String"
        case .html: return "HTMLText"
        case .flag: return "Bool"
        case .number: return "Int"
        case .object(let schema): return schema.swiftType
        case .list(let element): return "Array<\(element.swiftType)>"
        case .optional(let wrapped): return "Optional<\(wrapped.swiftType)>"
        case .strings: return "Dictionary<String, String>"
        case .free: return "TemplateData"
        }
    }

    /// How the names reference prints it ("list of `PageLinkView`").
    public var summary: String {
        switch self {
        case .text, .html: return "text"
        case .flag: return "flag"
        case .number: return "number"
        case .object(let schema): return "[`\(schema.type)`](#\(schema.type.lowercased()))"
        case .list(let element): return "list of \(element.summary)"
        case .optional(let wrapped): return "\(wrapped.summary), optional"
        case .strings: return "UI strings (`t.key`)"
        case .free: return "free-form (any name below it)"
        }
    }
}

/// One name a view model offers templates.
public struct TemplateField: Sendable {
    /// The name (the stored property's).
    public let name: String
    /// What it holds.
    public let kind: TemplateKind
    /// One line for the reference.
    public let summary: String

    /// Creates a field.
    public init(_ name: String, _ kind: TemplateKind, _ summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }
}

/// The names one view model offers templates, in declaration order.
public struct TemplateSchema: Sendable {
    /// The view model's name as templates' reference shows it (`PageView`).
    public let type: String
    /// The Swift type's name, when it differs from `type` (Markdown's `Heading` is shown as `HeadingView`).
    public let swiftType: String
    /// Its fields, in declaration order.
    public let fields: [TemplateField]
    private let index: [String: Int]

    /// Creates the schema of `type` (a Swift type called `swiftType`, by default the same name).
    public init(_ type: String, swiftType: String? = nil, _ fields: [TemplateField]) {
        self.type = type
        self.swiftType = swiftType ?? type
        self.fields = fields
        self.index = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The kind of the field `name`, if the type has one.
    public subscript(name: String) -> TemplateKind? { index[name].map { fields[$0].kind } }
}

/// A view model that declares its names (`Views+Schema.swift`).
public protocol TemplateModel: TemplateObject {
    /// The names templates read in it.
    static var templateSchema: TemplateSchema { get }
}
