import Diagnostics

/// One step of a compiled template. Sections are flat (an opening step and an `.end` in the same list), so
/// rendering and freeing a template cost no recursion however deeply its sections nest; blocks and
/// parents, whose nesting the parser limits, hold their content. Indirect: a step is copied with one retain.
indirect enum TemplateNode: Sendable {
    /// Literal text, as UTF-8 bytes.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}`, or `{{^name}}` when inverted; its content runs up to the `.end` at index `end`.
    case section(TemplateName, inverted: Bool, end: Int)
    /// `{{/name}}` closing a section.
    case end
    /// `{{> name}}` or `{{> *name}}`, with the indentation of a standalone tag.
    case partial(TemplateReference, indentation: String?)
    /// `{{< name}}{{$block}}…{{/block}}{{/name}}`: the template `name` with blocks replaced.
    case parent(TemplateReference, indentation: String?, overrides: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: replaced by an override when a child template gives one; the content
    /// of a standalone block is written with `indentation` in front of each line.
    case block(String, [TemplateNode], indentation: String?)
}

/// The template a partial or parent tag includes: a fixed name, or a dynamic one (`*path`) read from the data.
final class TemplateReference: Sendable {
    /// The template's name; for a dynamic reference, the tag's text (`*menu.kind`).
    let name: String
    /// For `{{> *path}}`: the path whose value names the template.
    let dynamic: TemplatePath?
    /// Where the tag is written.
    let location: SourceLocation

    init(name: String, dynamic: TemplatePath?, location: SourceLocation) {
        self.name = name
        self.dynamic = dynamic
        self.location = location
    }
}

/// A name in a tag: a dotted path, `.` (the current item), and optional transforms (`empty(pages)`). A class, so
/// that rendering a tag copies one reference, not its path and transforms.
final class TemplateName: Sendable {
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
    /// Whether the name is a path without transforms, the common case.
    let isPlainPath: Bool
    /// Where its tag starts in the template (numbers only, so rendering copies no text).
    let line: Int, column: Int

    init(path: TemplatePath?, anchored: Bool, transforms: [TemplateTransform], isCurrentItem: Bool, line: Int, column: Int) {
        self.path = path
        self.anchored = anchored
        self.transforms = transforms
        self.isCurrentItem = isCurrentItem
        self.isPlainPath = path != nil && transforms.isEmpty
        self.line = line
        self.column = column
    }
}

/// A transform written around a name: `empty(list)`, `count(list)`, `uppercased(text)`, or
/// `first()` / `last()` / `index()` / `even()` / `odd()` for the current loop.
enum TemplateTransform: String, Sendable, CaseIterable {
    case empty, count, first, last, index, even, odd, reversed, uppercased, lowercased, capitalized
}
