/// A `{{fact.key}}` placeholder found in a string.
public struct Placeholder: Sendable, Equatable {
    /// The dotted fact key, without braces or spaces.
    public var key: String
    /// The range of the whole placeholder, braces included.
    public var range: Range<String.Index>
    /// How many characters precede it in the string (for columns).
    public var characterOffset: Int

    /// Every placeholder in `text`, in order. `{{` without a matching `}}` is not a placeholder.
    public static func scan(_ text: String) -> [Placeholder] {
        var found: [Placeholder] = []
        var searchStart = text.startIndex
        while let open = text.range(of: "{{", range: searchStart..<text.endIndex) {
            guard let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) else { break }
            let inner = text[open.upperBound..<close.lowerBound]
            if inner.contains("{") || inner.contains("\n") {
                searchStart = text.index(after: open.lowerBound)
                continue
            }
            let key = inner.trimmingCharacters(in: " \t")
            if !key.isEmpty {
                let offset = text.distance(from: text.startIndex, to: open.lowerBound)
                found.append(Placeholder(key: key, range: open.lowerBound..<close.upperBound, characterOffset: offset))
            }
            searchStart = close.upperBound
        }
        return found
    }

    /// `text` with each placeholder replaced by `replacement(placeholder)`, or kept when that returns nil.
    public static func expand(_ text: String, _ replacement: (Placeholder) -> String?) -> String {
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
