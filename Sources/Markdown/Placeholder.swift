#if canImport(Glibc)
    import Glibc
#endif

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
        // Over the UTF-8 bytes in place, by offset: the braces and the newline are ASCII, so no byte of a
        // multi-byte character can be mistaken for them. Outside a placeholder `memchr` jumps to the next
        // `{`. String indices and character offsets are made only for the placeholders found.
        var contiguous = text
        return contiguous.withUTF8 { bytes -> [Placeholder] in
            guard let base = bytes.baseAddress else { return [] }
            var found: [Placeholder] = []
            let utf8 = text.utf8
            var open: Int?
            var index = 0
            var previous: UInt8 = 0
            var counted = (index: text.startIndex, offset: 0)
            var characters = 0
            while index < bytes.count {
                if open == nil {
                    guard let brace = memchr(base + index, Int32(UInt8(ascii: "{")), bytes.count - index) else { break }
                    let next = UnsafeRawPointer(brace) - UnsafeRawPointer(base)
                    if next > index { previous = 0 }
                    index = next
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") {
                    // The last `{{` of a run wins: `{{{x}}}` holds the placeholder `{{x}}`.
                    open = index - 1
                } else if byte == UInt8(ascii: "}"), previous == UInt8(ascii: "}"), let startOffset = open {
                    let start = utf8.index(utf8.startIndex, offsetBy: startOffset)
                    let close = utf8.index(start, offsetBy: index - startOffset)
                    let innerBytes = UnsafeBufferPointer(rebasing: bytes[(startOffset + 2)..<(index - 1)])
                    let key =
                        trimmedKey(innerBytes)
                        ?? text[utf8.index(start, offsetBy: 2)..<utf8.index(before: close)].trimmingCharacters(in: " \t")
                    if !key.isEmpty, !innerBytes.contains(UInt8(ascii: "\n")) {
                        characters += characterCount(
                            text, bytes, from: counted, to: (start, startOffset))
                        counted = (start, startOffset)
                        found.append(Placeholder(key: key, range: start..<utf8.index(after: close), characterOffset: characters))
                    }
                    open = nil
                    previous = 0
                    index += 1
                    continue
                } else if byte == UInt8(ascii: "\n") {
                    open = nil
                }
                previous = byte
                index += 1
            }
            return found
        }
    }

    /// A key's text without the spaces and tabs around it, from its bytes when they are all ASCII (where each
    /// byte is a character, so this trims what `trimmingCharacters(in:)` trims); nil otherwise.
    private static func trimmedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var first = 0
        var last = bytes.count
        for byte in bytes where byte >= 0x80 { return nil }
        while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
        while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
    }

    /// How many characters `text` has between two places given as index and UTF-8 offset.
    ///
    /// When every scalar between them is one that never joins another into one character (ASCII but CR, the
    /// rest of U+0000–U+02FF, and the dashes, quotes, spaces and signs of U+2010–U+2027 and U+202F–U+205F),
    /// characters are counted from the bytes; otherwise by `String`'s grapheme breaking.
    static func characterCount(
        _ text: String, _ bytes: UnsafeBufferPointer<UInt8>, from: (index: String.Index, offset: Int),
        to: (index: String.Index, offset: Int)
    ) -> Int {
        // Only ASCII: one character a byte, as `scan` always counted it (CR LF too).
        if UnsafeBufferPointer(rebasing: bytes[from.offset..<to.offset]).allSatisfy({ $0 < 0x80 }) { return to.offset - from.offset }
        var count = 0
        var offset = from.offset
        while offset < to.offset {
            // Eight bytes at a time through runs of plain text: eight ASCII bytes none of which is a CR are
            // eight characters. No byte has its high bit set, and no byte of `word ^ 0x0D…` is zero (the
            // classic zero-byte test: `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when a byte of x is zero).
            if offset + 8 <= to.offset {
                let word = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
                let noCR = word ^ 0x0D0D_0D0D_0D0D_0D0D
                if word & 0x8080_8080_8080_8080 == 0, (noCR &- 0x0101_0101_0101_0101) & ~noCR & 0x8080_8080_8080_8080 == 0 {
                    offset += 8
                    count += 8
                    continue
                }
            }
            let byte = bytes[offset]
            if byte < 0x80, byte != 0x0D {
                offset += 1
            } else if byte >= 0xC2, byte <= 0xCB {
                offset += 2
            } else if byte == 0xE2, offset + 2 < bytes.count,
                (bytes[offset + 1] == 0x80 && ((0x90...0xA7).contains(bytes[offset + 2]) || (0xAF...0xBF).contains(bytes[offset + 2])))
                    || (bytes[offset + 1] == 0x81 && (0x80...0x9F).contains(bytes[offset + 2]))
            {
                offset += 3
            } else {
                return text[from.index..<to.index].count
            }
            count += 1
        }
        return count
    }

    /// Whether `text` has a `{{` at all (a byte scan, far cheaper than a Foundation substring search).
    public static func mayContain(_ text: String) -> Bool {
        // In place when the string is contiguous (a native one always is): iterating its `UTF8View` costs more.
        text.utf8.withContiguousStorageIfAvailable { hasDoubleBrace($0) } ?? mayContain(utf8: text.utf8)
    }

    /// Whether `bytes` hold a `{{`: `memchr` jumps from one `{` to the next (sixteen bytes at a time in glibc).
    static func hasDoubleBrace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.containsPair(UInt8(ascii: "{"), UInt8(ascii: "{"), in: bytes)
    }

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
        // Room for the text and a few replacements at once: appending to an empty string regrew it. Not for
        // a short text (a URL), whose result may fit in a small string, with no allocation at all.
        if text.utf8.count > 32 { result.reserveCapacity(text.utf8.count + 32) }
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
