import Content
import Diagnostics

/// One Mustache template file, with the names of the templates it includes.
public struct TemplateSource: Sendable {
    /// The name partials use (`base`, `partials/banner`).
    public var name: String
    /// The file.
    public var file: SourceText
    /// Each `{{> name}}` or `{{< name}}` reference and where it is written.
    public var references: [(name: String, location: SourceLocation)]
    /// Each `{{t.key}}` UI-string reference and where it is written.
    public var stringKeys: [(key: String, location: SourceLocation)]

    /// Scans `file` for references. Custom delimiters (`{{=<% %>=}}`) are not followed.
    public init(name: String, file: SourceText) {
        self.name = name
        self.file = file
        var references: [(String, SourceLocation)] = []
        var keys: [(String, SourceLocation)] = []
        var line = 1, column = 1
        let scalars = Array(file.text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" {
                let start = SourceLocation(path: file.path, line: line, column: column)
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == "}" && scalars[end + 1] == "}") { end += 1 }
                var tag = String(String.UnicodeScalarView(scalars[(index + 2)..<min(end, scalars.count)]))
                if tag.hasPrefix("{") { tag.removeFirst() }
                TemplateSource.classify(tag, at: start, references: &references, keys: &keys)
            }
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        self.references = references
        self.stringKeys = keys
    }

    private static func classify(_ tag: String, at location: SourceLocation,
                                 references: inout [(String, SourceLocation)], keys: inout [(String, SourceLocation)]) {
        let trimmed = tag.trimmingSpaces
        if let sigil = trimmed.first, sigil == ">" || sigil == "<" {
            let name = String(trimmed.dropFirst()).trimmingSpaces
            if !name.isEmpty, !name.hasPrefix("*") { references.append((name, location)) }
            return
        }
        var body = trimmed
        if let sigil = body.first, "#^/&".contains(sigil) { body = String(body.dropFirst()).trimmingSpaces }
        let path = body.split(separator: ".").map(String.init)
        if let index = path.firstIndex(of: "t"), index + 1 < path.count, index == 0 || path[index - 1] == "page" {
            keys.append((path[(index + 1)...].joined(separator: "."), location))
        }
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
