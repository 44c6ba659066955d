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
        var found: [Placeholder] = []
        var open: String.Index?
        var offset = 0
        var openOffset = 0
        var index = text.startIndex
        var previous: Character?
        while index < text.endIndex {
            let character = text[index]
            if character == "{", previous == "{" {
                // The last `{{` of a run wins: `{{{x}}}` holds the placeholder `{{x}}`.
                open = text.index(before: index)
                openOffset = offset - 1
                previous = character
            } else if character == "}", previous == "}", let start = open {
                let innerStart = text.index(start, offsetBy: 2)
                let innerEnd = text.index(before: index)
                let inner = text[innerStart..<innerEnd]
                let key = inner.trimmingCharacters(in: " \t")
                if !key.isEmpty, !inner.contains("\n") {
                    found.append(Placeholder(key: key, range: start..<text.index(after: index), characterOffset: openOffset))
                }
                open = nil
                previous = nil
            } else {
                if character == "\n" { open = nil }
                previous = character
            }
            index = text.index(after: index)
            offset += 1
        }
        return found
    }

    /// Whether `text` has a `{{` at all (a byte scan, far cheaper than a Foundation substring search).
    public static func mayContain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    /// `text` with each placeholder replaced by `replacement(placeholder)`, or kept when that returns nil.
    public static func expand(_ text: String, _ replacement: (Placeholder) -> String?) -> String {
        guard mayContain(text) else { return text }
        let placeholders = scan(text)
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
