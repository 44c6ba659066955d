import Diagnostics

/// One Mustache template file, compiled, with the templates and UI strings it names.
public struct TemplateSource: Sendable {
    /// The name partials use (`base`, `partials/banner`).
    public let name: String
    /// The file.
    public let file: SourceText
    /// Each `{{> name}}` or `{{< name}}` reference with a fixed name, and where it is written.
    public let references: [(name: String, location: SourceLocation)]
    /// Each `{{t.key}}` UI-string reference and where it is written.
    public let stringKeys: [(key: String, location: SourceLocation)]
    /// The references written outside every section and block, which rendering always follows.
    let alwaysIncluded: [(name: String, location: SourceLocation)]
    /// The compiled template.
    let nodes: [TemplateNode]
    /// Its syntax errors.
    let syntaxErrors: DiagnosticCollector

    /// Compiles `file`; references and string keys come from the compiled tags, so tags inside comments or
    /// written with other delimiters are read as the engine reads them.
    public init(name: String, file: SourceText) {
        self.name = name
        self.file = file
        var parser = TemplateParser(path: file.path, text: file.text)
        nodes = parser.parse()
        syntaxErrors = parser.errors
        references = parser.references.map { ($0.name, $0.location) }
        alwaysIncluded = parser.references.filter(\.always).map { ($0.name, $0.location) }
        stringKeys = parser.stringKeys
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
