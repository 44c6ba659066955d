import Diagnostics

/// Byte offsets of a Markdown text, for the nodes whose position cmark-gfm does not report
/// (its autolink extension gives bare `https://…` links no position, and `www.…` links one column early).
/// Built on first use: only an error's position needs it.
final class SourceMap {
    private let text: String
    private(set) lazy var lines = LineIndex(text)
    private lazy var bytes = Array(text.utf8)
    private lazy var lineStarts: [Int] = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    /// Located starts of autolinks, by node, so that a paragraph of many is located in linear time.
    var located: [OpaquePointer: Int] = [:]

    init(_ text: String) { self.text = text }

    /// The byte offset of 1-based `line` and byte `column` (clamped to the text).
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        return min(lineStarts[line - 1] + max(column, 1) - 1, bytes.count)
    }

    /// The first offset at or after `start` where `needle` occurs whole before `end`, or nil.
    func find(_ needle: String, from start: Int, before end: Int = .max) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, start >= 0 else { return nil }
        let limit = min(end, bytes.count)
        var index = start
        while index + pattern.count <= limit {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// The line and character column of byte `offset`.
    func position(ofOffset offset: Int) -> TextPosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let line = low + 1
        return TextPosition(line: line, column: lines.characterColumn(line: line, byteColumn: offset - lineStarts[low] + 1))
    }
}
