/// Finds URLs written as plain text (`https://…`, `http://…`, `www.…`), which typography must leave byte-exact.
///
/// The extent follows GFM's extended autolinks: a URL runs to the next space or `<`, without trailing
/// punctuation (`? ! . , : * _ ~`, quotes, guillemets) and without a closing `)` that has no opening one.
enum BareURL {
    /// The UTF-8 byte ranges of the URLs in `bytes`, in order; empty (after one scan) when there are none.
    static func ranges(in text: String) -> [Range<Int>] {
        text.utf8.withContiguousStorageIfAvailable { ranges(in: $0) } ?? Array(text.utf8).withUnsafeBufferPointer { ranges(in: $0) }
    }

    /// The UTF-8 byte ranges of the URLs in `bytes`.
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            // Only `h` or `w` (either case) can start one: the test is made here, without a call per byte.
            let lower = bytes[index] | 0x20
            guard lower == UInt8(ascii: "h") || lower == UInt8(ascii: "w"), startsURL(bytes, at: index) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, !endsURL(bytes, at: end) { end += 1 }
            end = trimmed(bytes, index, end)
            found.append(index..<end)
            index = max(end, index + 1)
        }
        return found
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Whether `http://`, `https://` or `www.` starts at `index`, not in the middle of a word.
    private static func startsURL(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let first = bytes[index] | 0x20
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { return false }
        if index > 0, isAlphanumeric(bytes[index - 1]) { return false }
        for prefix in ["https://", "http://", "www."] where has(prefix, bytes, at: index) { return true }
        return false
    }

    /// Whether the ASCII `prefix` is at `index`, ignoring case.
    private static func has(_ prefix: String, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + prefix.utf8.count <= bytes.count else { return false }
        return zip(prefix.utf8, bytes[index...]).allSatisfy { $0 == $1 | ($1 >= 0x41 && $1 <= 0x5A ? 0x20 : 0) }
    }

    /// Spaces (ASCII, no-break and narrow no-break) and `<` end a URL.
    private static func endsURL(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, UInt8(ascii: "<"): return true
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0xA0
        case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF
        default: return false
        }
    }

    /// `end` moved back over trailing punctuation and unbalanced closing parentheses.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var end = end
        var opened = 0
        var closed = 0
        for byte in bytes[start..<end] {
            if byte == UInt8(ascii: "(") { opened += 1 } else if byte == UInt8(ascii: ")") { closed += 1 }
        }
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")"), closed > opened {
                closed -= 1
                end -= 1
            } else if end - start >= 2, bytes[end - 2] == 0xC2, last == 0xAB || last == 0xBB {
                end -= 2  // « »
            } else if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, (0x98...0x9D).contains(last) {
                end -= 3  // ‘ ’ “ ”
            } else {
                break
            }
        }
        return end
    }
}
