/// A `{{fact.key}}` placeholder found in a string.
public struct Placeholder: Sendable, Equatable {
    /// The dotted fact key, without braces or spaces.
    public var key: String
    /// The range of the whole placeholder, braces included.
    public var range: Range<String.Index>
    /// How many characters precede it in the string (for columns).
    public var characterOffset: Int

    /// Every placeholder in `text`, in order. `{{` without a matching `}}` is not a placeholder.
    /// One pass: each `}}` closes the nearest `{{` before it on the same line; linear in the text's length.
    public static func scan(_ text: String) -> [Placeholder] {
        // Over UTF-8 bytes: the braces and the newline are ASCII, so no byte of a multi-byte character can
        // be mistaken for them. Character offsets are counted only for the placeholders found.
        var found: [Placeholder] = []
        let utf8 = text.utf8
        var open: String.Index?
        var index = utf8.startIndex
        var previous: UInt8 = 0
        var counted = text.startIndex
        var characters = 0
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") {
                // The last `{{` of a run wins: `{{{x}}}` holds the placeholder `{{x}}`.
                open = utf8.index(before: index)
            } else if byte == UInt8(ascii: "}"), previous == UInt8(ascii: "}"), let start = open {
                let inner = text[utf8.index(start, offsetBy: 2)..<utf8.index(before: index)]
                let key = inner.trimmingCharacters(in: " \t")
                if !key.isEmpty, !inner.utf8.contains(UInt8(ascii: "\n")) {
                    let between = text.utf8[counted..<start]
                    characters += between.allSatisfy { $0 < 0x80 } ? between.count : text[counted..<start].count
                    counted = start
                    found.append(Placeholder(key: key, range: start..<utf8.index(after: index), characterOffset: characters))
                }
                open = nil
                previous = 0
                index = utf8.index(after: index)
                continue
            } else if byte == UInt8(ascii: "\n") {
                open = nil
            }
            previous = byte
            index = utf8.index(after: index)
        }
        return found
    }

    /// Whether `text` has a `{{` at all (a byte scan, far cheaper than a Foundation substring search).
    public static func mayContain(_ text: String) -> Bool { mayContain(utf8: text.utf8) }

    /// Whether UTF-8 `bytes` hold a `{{` at all.
    public static func mayContain(utf8 bytes: some Sequence<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    /// `text` with each placeholder replaced by `replacement(placeholder)`, or kept when that returns nil.
    public static func expand(_ text: String, _ replacement: (Placeholder) -> String?) -> String {
        guard mayContain(text) else { return text }
        return expand(text, placeholders: scan(text), replacement)
    }

    /// `expand(_:_:)` with the placeholders of `text` already found by `scan(_:)` (a text is scanned once).
    public static func expand(_ text: String, placeholders: [Placeholder], _ replacement: (Placeholder) -> String?) -> String {
        guard !placeholders.isEmpty else { return text }
        var result = ""
        var cursor = text.startIndex
        for placeholder in placeholders {
            result += text[cursor..<placeholder.range.lowerBound]
            result += replacement(placeholder) ?? String(text[placeholder.range])
            cursor = placeholder.range.upperBound
        }
        result += text[cursor...]
        return result
    }
}

extension Substring {
    /// The substring without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
