/// One step of a compiled template.
indirect enum TemplateNode: Sendable {
    /// Literal text, as UTF-8 bytes.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`, with the indentation of a standalone tag.
    case partial(String, indentation: String?)
    /// `{{< name}}{{$block}}…{{/block}}{{/name}}`: the template `name` with blocks replaced.
    case parent(String, indentation: String?, overrides: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: replaced by an override when a child template gives one.
    case block(String, [TemplateNode])
}

/// A name in a tag: a dotted path, `.` (the current item), and optional transforms (`empty(pages)`).
struct TemplateName: Sendable {
    /// The dotted path; nil for `.` and for a bare transform such as `last()`.
    let path: TemplatePath?
    /// Whether the path starts with `.` and so is looked up in the current item only.
    let anchored: Bool
    /// Transforms, innermost first.
    let transforms: [TemplateTransform]
    /// Whether the name is empty and only transforms apply to the current loop (`{{^last()}}`).
    var isLoopQuery: Bool { path == nil && !isCurrentItem }
    /// Whether the name is `.`.
    let isCurrentItem: Bool
}

/// A transform written around a name: `empty(list)`, `count(list)`, `uppercased(text)`, or
/// `first()` / `last()` / `index()` / `even()` / `odd()` for the current loop.
enum TemplateTransform: String, Sendable, CaseIterable {
    case empty, count, first, last, index, even, odd, reversed, uppercased, lowercased, capitalized
}
