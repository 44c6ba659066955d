import Diagnostics

/// Finds C0 control characters (other than tab, line feed and carriage return), which no HTML or XML output may carry.
public enum ControlCharacters {
    /// The first forbidden control character in `text` and its 1-based line and column (in Unicode scalars), if any.
    public static func first(in text: String) -> (position: TextPosition, name: String)? {
        var text = text
        // Fast path: one pass over the bytes, no decoding; almost every file has none.
        let offset: Int? = text.withUTF8 { firstForbidden(in: $0) }
        guard let offset else { return nil }
        var line = 1
        var column = 1
        let utf8 = Array(text.utf8)
        for byte in utf8[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        let hex = String(utf8[offset], radix: 16, uppercase: true)
        return (TextPosition(line: line, column: column), "U+" + String(repeating: "0", count: 4 - hex.count) + hex)
    }

    /// The offset of the first byte below 0x20 other than tab, line feed and carriage return.
    ///
    /// Eight bytes at a time: `(word - 0x2020…20) & ~word & 0x8080…80` is nonzero exactly when some byte of
    /// the word is below 0x20 (the classic "has less than" test), so only words holding one (most often a
    /// line feed) are looked at byte by byte.
    static func firstForbidden(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                for offset in index..<(index + 8) where isForbidden(base[offset]) { return offset }
            }
            index += 8
        }
        while index < count {
            if isForbidden(base[index]) { return index }
            index += 1
        }
        return nil
    }

    private static func isForbidden(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D }
}
