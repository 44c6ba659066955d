/// Maps the byte columns that C libraries report to character columns on a line.
public struct LineIndex: Sendable {
    private let lineStarts: [Int]
    private let bytes: [UInt8]
    /// Lines with only ASCII bytes, where a byte column is the character column (the common case: O(1)).
    private let asciiLines: [Bool]

    /// Indexes the UTF-8 bytes of `text`.
    public init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        var ascii: [Bool] = []
        var lineIsASCII = true
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") {
                starts.append(offset + 1)
                ascii.append(lineIsASCII)
                lineIsASCII = true
            } else if byte >= 0x80 {
                lineIsASCII = false
            }
        }
        ascii.append(lineIsASCII)
        lineStarts = starts
        asciiLines = ascii
    }

    /// The character column for a 1-based `byteColumn` on 1-based `line`.
    public func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        if asciiLines[line - 1] { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        var column = 1
        var index = start
        while index < end {
            // Count only bytes that start a scalar (not 10xxxxxx continuation bytes).
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }
}
