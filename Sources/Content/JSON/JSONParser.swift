import Diagnostics

/// A strict RFC 8259 JSON parser that records line and column of every value.
public struct JSONParser {
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1
    private var column = 1
    private var depth = 0
    private static let maxDepth = 512

    /// Parses `text` as a single JSON document.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSON {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses UTF-8 `bytes` (already validated) as a single JSON document.
    public static func parse(bytes: [UInt8]) throws(JSONSyntaxError) -> JSON {
        var parser = JSONParser(bytes: bytes, index: 0)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the end of the JSON value") }
        return value
    }

    private init(bytes: [UInt8], index: Int) {
        self.bytes = bytes
        self.index = index
    }

    private var position: TextPosition { TextPosition(line: line, column: column) }

    private func error(_ detail: String) -> JSONSyntaxError { JSONSyntaxError(position: position, detail: detail) }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { advance() }
    }

    private func describeCurrent() -> String {
        guard let byte = current else { return "the end of the file" }
        if byte < 0x80, byte >= 0x20 { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "an unexpected character"
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSON {
        let start = position
        switch current {
        case UInt8(ascii: "{"): return JSON(try parseObject(), at: start)
        case UInt8(ascii: "["): return JSON(try parseArray(), at: start)
        case UInt8(ascii: "\""): return JSON(.string(try parseString()), at: start)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSON(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSON(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSON(.null, at: start)
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return JSON(try parseNumber(), at: start)
        default:
            throw error(
                "expected a value (a string in double quotes, a number, an object, a list, true, false or null) but found \(describeCurrent())"
            )
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        for expected in word.utf8 {
            guard current == expected else { throw error("expected \(word)") }
            advance()
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("the JSON is nested more than \(JSONParser.maxDepth) levels deep") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        advance()  // {
        var members: [JSONMember] = []
        // Room for a front matter's few keys at once (growing from one allocated three times for four keys).
        members.reserveCapacity(8)
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            return .object([])
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes but found \(describeCurrent())")
            }
            let keyPosition = position
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\" but found \(describeCurrent())") }
            advance()
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                skipWhitespace()
                if current == UInt8(ascii: "}") { throw error("a comma must not come right before '}'") }
                continue
            }
            if current == UInt8(ascii: "}") {
                advance()
                return .object(members)
            }
            throw error("expected ',' or '}' after a value but found \(describeCurrent())")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        advance()  // [
        var items: [JSON] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            return .array([])
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                skipWhitespace()
                if current == UInt8(ascii: "]") { throw error("a comma must not come right before ']'") }
                continue
            }
            if current == UInt8(ascii: "]") {
                advance()
                return .array(items)
            }
            throw error("expected ',' or ']' after a value but found \(describeCurrent())")
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        advance()  // opening quote
        // The common case, a string with no escape and no control character, decoded straight from the
        // bytes (building it in an array first cost about half of parsing a front matter).
        let (end, columns) = plainRun()
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            column += columns + 1
            index = end + 1
            return text
        }
        // Otherwise UTF-8 bytes, escapes encoded in place, decoded once at the end.
        var run: [UInt8] = []
        while true {
            guard let byte = current else { throw error("this string never closes; add the closing double quote") }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: run, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escape = (position, index)
                advance()
                let scalar = try parseEscape()
                if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" {
                    let written = String(decoding: bytes[escape.1..<index], as: UTF8.self)
                    throw JSONSyntaxError(
                        position: escape.0,
                        detail:
                            "the escape \(written) stands for the control character \(JSONParser.scalarName(scalar)), which text cannot contain; remove it (of the control characters only \\t, \\n and \\r are allowed)",
                        isValueError: true)
                }
                UTF8.encode(scalar) { run.append($0) }
            case 0x00..<0x20:
                switch byte {
                case 0x0A, 0x0D: throw error("a string cannot span lines; close it before the line break or write \\n")
                case 0x09: throw error("a tab must be written \\t inside a string")
                default:
                    throw error("the control character \(JSONParser.scalarName(Unicode.Scalar(byte))) cannot appear in text; remove it")
                }
            default:
                // A run of ordinary bytes at once: it holds no line break, so only the column moves, by one
                // for each byte that starts a character (as `advance` counts).
                let (end, columns) = plainRun()
                run.append(contentsOf: bytes[index..<end])
                column += columns
                index = end
            }
        }
    }

    /// Where the run of plain string bytes from `index` ends (at a quote, a backslash, a control character or
    /// the end), and how many characters it holds: one for each byte that starts a character, as `advance` counts.
    private func plainRun() -> (end: Int, columns: Int) {
        var end = index
        var columns = 0
        while end < bytes.count {
            let next = bytes[end]
            if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") || next < 0x20 { break }
            if next & 0xC0 != 0x80 { columns += 1 }
            end += 1
        }
        return (end, columns)
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let byte = current else { throw error("this string never closes") }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800..<0xDC00).contains(high) {
                guard current == UInt8(ascii: "\\") else { throw error("a \\u surrogate must come in a pair") }
                advance()
                guard current == UInt8(ascii: "u") else { throw error("a \\u surrogate must come in a pair") }
                advance()
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("invalid \\u surrogate pair") }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("invalid \\u escape") }
            return scalar
        default:
            throw error("unknown escape sequence; inside strings use \\\", \\\\, \\n or \\uXXXX")
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw error("\\u must be followed by four hexadecimal digits")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    /// `U+001B`, the way error messages name a control character.
    static func scalarName(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        let startPosition = position
        func digits(_ parser: inout JSONParser) -> Int {
            var count = 0
            while let byte = parser.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                parser.advance()
                count += 1
            }
            return count
        }
        if current == UInt8(ascii: "-") { advance() }
        if current == UInt8(ascii: "0") {
            advance()
        } else if digits(&self) == 0 {
            throw error("a number must have digits")
        }
        if current == UInt8(ascii: ".") {
            advance()
            if digits(&self) == 0 { throw error("a decimal point must be followed by digits") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            if digits(&self) == 0 { throw error("an exponent must have digits") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        let value = Double(text) ?? .infinity
        if !value.isFinite {
            throw JSONSyntaxError(
                position: startPosition,
                detail: "the number \(text) is too large to be stored (the largest is about 1.8e308); write a smaller number",
                isValueError: true)
        }
        if value == 0, text.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) }) {
            throw JSONSyntaxError(
                position: startPosition,
                detail:
                    "the number \(text) is too close to zero to be stored (it would become 0); write 0, or a number no closer to zero than about 4.9e-324",
                isValueError: true)
        }
        return .number(value, text: text)
    }
}
