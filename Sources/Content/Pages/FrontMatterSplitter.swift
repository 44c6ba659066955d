import Diagnostics

/// Splits an article into its JSON front matter and its Markdown body.
public enum FrontMatterSplitter {
    /// The front-matter JSON, the body, and the file line the body starts on.
    public static func split(_ file: SourceText) throws(ContentError) -> (json: JSON, body: String, bodyStartLine: Int) {
        let bytes = Array(file.text.utf8)
        var index = 0
        var line = 1
        var column = 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            throw ContentError.missingFrontMatter(SourceLocation(path: file.path, line: line, column: column))
        }
        let open = SourceLocation(path: file.path, line: line, column: column)
        guard let close = matchingBrace(bytes, from: index) else { throw ContentError.unclosedFrontMatter(open) }
        // Everything up to the closing brace is JSON, parsed in place so positions stay true.
        let json: JSON
        do { json = try JSONParser.parse(bytes: Array(bytes[0...close])) } catch {
            throw error.buildError(in: file)
        }
        var cursor = close + 1
        let closeLine = bytes[0...close].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] != 0x0A {
            let column =
                String(decoding: bytes[0..<cursor], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).last!.count + 1
            throw ContentError.malformedJSON(
                SourceLocation(path: file.path, line: closeLine, column: column),
                detail: "text follows the front matter's closing } on the same line; start the Markdown on the next line")
        }
        let bodyStart = min(cursor + 1, bytes.count)
        // Sliced from the file's text (valid UTF-8 already, cut after a line feed): no second decoding.
        let text = file.text
        let body = String(text[text.utf8.index(text.utf8.startIndex, offsetBy: bodyStart)...])
        return (json, body, closeLine + 1)
    }

    /// The index of the `}` that closes the `{` at `start`, skipping braces inside JSON strings.
    private static func matchingBrace(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }
}
