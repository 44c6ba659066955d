import Diagnostics
import Foundation

/// Changes one string field of an article's front matter and leaves every other byte of the file as it was.
public enum FrontMatterEditor {
    /// The file's raw text with `field` set to `value`: replaced in place when present, else inserted as the
    /// first member (on its own line, with the next member's indentation, when the object spans lines).
    /// A byte-order mark and CRLF line endings are kept as they are.
    public static func setting(_ field: String, to value: String, inRaw text: String, path: String) throws(BuildError) -> String {
        let file = SourceText(path: path, text: text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text)
        let (json, _, _) = try FrontMatterSplitter.split(file)
        guard case .object(let members) = json.value else { throw .missingFrontMatter(file.location(json.position)) }
        let bom = text.hasPrefix("\u{FEFF}") ? 1 : 0
        let quoted = "\"\(escape(value))\""
        if let member = members.first(where: { $0.key == field }) {
            guard case .string = member.value.value else {
                throw .wrongType(file.location(member.value.position), field: field, expected: "a string in double quotes")
            }
            let start = index(of: member.value.position, in: text, bom: bom)
            let end = endOfString(startingAt: start, in: text)
            return String(text[..<start]) + quoted + String(text[end...])
        }
        let open = index(of: json.position, in: text, bom: bom)
        let afterBrace = text.unicodeScalars.index(after: open)
        let head = String(text.unicodeScalars[..<afterBrace])
        let rest = text.unicodeScalars[afterBrace...]
        let lineBreak = rest.starts(with: "\r\n".unicodeScalars) ? "\r\n" : rest.first == "\n" ? "\n" : nil
        if let lineBreak {
            let indent = String(String.UnicodeScalarView(rest.dropFirst(lineBreak.unicodeScalars.count).prefix { $0 == " " || $0 == "\t" }))
            return head + "\(lineBreak)\(indent)\"\(field)\": \(quoted)," + String(rest)
        }
        return head + "\"\(field)\": \(quoted)" + (members.isEmpty ? "" : ", ") + String(rest)
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// The index of a line and column (in scalars) of the normalised text, in the raw text.
    private static func index(of position: TextPosition, in text: String, bom: Int) -> String.Index {
        let scalars = text.unicodeScalars
        var line = 1
        var index = scalars.index(scalars.startIndex, offsetBy: bom)
        while line < position.line, let newline = scalars[index...].firstIndex(of: "\n") {
            index = scalars.index(after: newline)
            line += 1
        }
        return scalars.index(index, offsetBy: position.column - 1)
    }

    /// The index just after the JSON string that starts at `start` (its opening quote).
    private static func endOfString(startingAt start: String.Index, in text: String) -> String.Index {
        var index = text.unicodeScalars.index(after: start)
        var escaped = false
        while index < text.endIndex {
            let scalar = text.unicodeScalars[index]
            if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { return text.unicodeScalars.index(after: index) }
            index = text.unicodeScalars.index(after: index)
        }
        return text.endIndex
    }
}
