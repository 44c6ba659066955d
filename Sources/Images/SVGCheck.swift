import Diagnostics

/// Decides whether an SVG may be published as it is: one that could run code is refused, never rewritten.
public enum SVGCheck {
    /// Something in an SVG that could run code, and where.
    public struct Problem: Sendable, Equatable {
        /// Where it starts in the file.
        public var position: TextPosition
        /// What was found, e.g. `<script`.
        public var found: String

        /// Creates a problem.
        public init(position: TextPosition, found: String) {
            self.position = position
            self.found = found
        }
    }

    /// The first thing in `bytes` that could run code in a browser: a `<script` or `<foreignObject` element,
    /// an `on…=` event attribute, or a `javascript:` URL (letter case ignored). Nil when there is none.
    public static func problem(in bytes: [UInt8]) -> Problem? {
        let lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        var line = 1
        var column = 1
        var index = 0
        while index < lower.count {
            if let found = match(lower, at: index) {
                return Problem(position: TextPosition(line: line, column: column), found: found)
            }
            let byte = lower[index]
            if byte == 10 {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return nil
    }

    private static let words: [(bytes: [UInt8], shown: String)] = [
        (Array("<script".utf8), "<script"), (Array("<foreignobject".utf8), "<foreignObject"),
        (Array("javascript:".utf8), "javascript:"),
    ]

    private static func match(_ text: [UInt8], at index: Int) -> String? {
        for word in words where text.count - index >= word.bytes.count && text[index] == word.bytes[0] {
            if Array(text[index..<index + word.bytes.count]) == word.bytes { return word.shown }
        }
        // An event attribute: whitespace, `on`, letters, optional spaces, `=`.
        guard index > 0, isSpace(text[index - 1]), text[index] == UInt8(ascii: "o"), index + 2 < text.count,
            text[index + 1] == UInt8(ascii: "n")
        else { return nil }
        var end = index + 2
        while end < text.count, (text[end] >= 97 && text[end] <= 122) || text[end] == UInt8(ascii: "-") { end += 1 }
        guard end > index + 2 else { return nil }
        var equals = end
        while equals < text.count, isSpace(text[equals]) { equals += 1 }
        guard equals < text.count, text[equals] == UInt8(ascii: "=") else { return nil }
        return String(decoding: text[index..<end], as: UTF8.self) + "="
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    /// The `width` and `height` of the root `<svg>` element when both are plain numbers (or in `px`), else
    /// those of its `viewBox`; nil when neither is given.
    public static func size(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = String(text[start.upperBound..<end])
        func attribute(_ name: String) -> String? {
            for quote in ["\"", "'"] {
                if let range = tag.range(of: " \(name)=\(quote)"), let close = tag[range.upperBound...].firstIndex(of: Character(quote)) {
                    return String(tag[range.upperBound..<close])
                }
            }
            return nil
        }
        func number(_ value: String?) -> Int? {
            guard var value else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).map { Int($0.rounded()) }.flatMap { $0 > 0 ? $0 : nil }
        }
        if let width = number(attribute("width")), let height = number(attribute("height")) { return (width, height) }
        let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        guard box.count == 4, box[2] > 0, box[3] > 0 else { return nil }
        return (Int(box[2].rounded()), Int(box[3].rounded()))
    }
}
