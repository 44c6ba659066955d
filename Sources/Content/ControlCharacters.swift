import Diagnostics

/// Finds C0 control characters (other than tab, line feed and carriage return), which no HTML or XML output may carry.
public enum ControlCharacters {
    /// The first forbidden control character in `text` and its 1-based line and column (in Unicode scalars), if any.
    public static func first(in text: String) -> (position: TextPosition, name: String)? {
        var text = text
        // Fast path: one pass over the bytes, no decoding; almost every file has none.
        let offset: Int? = text.withUTF8 { bytes in
            for index in bytes.indices where bytes[index] < 0x20 {
                let byte = bytes[index]
                if byte != 0x09, byte != 0x0A, byte != 0x0D { return index }
            }
            return nil
        }
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
}
