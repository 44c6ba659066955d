import Diagnostics

#if canImport(Glibc)
    import Glibc
#endif

/// Bounds the empty cells cmark-gfm adds to short table rows, checked before cmark parses (CVE-2023-37463).
///
/// cmark-gfm pads every body row to the header's width. Debian's 0.29.0.gfm.6 has no limit, so a wide
/// header above thousands of one-cell rows allocates without bound (60 KB of text: over 24 GB). Upstream's
/// fix (cmark-gfm 0.29.0.gfm.12, `MAX_AUTOCOMPLETED_CELLS`) stops a table once it has padded more than
/// 0x80000 cells; here the same count is kept for the whole page, and going over it is an error instead of
/// a silently truncated table. One linear scan; outside tables `memchr` jumps to the next `|`, as only a
/// line holding one can open a table.
///
/// The scan errs on the side of counting: any line of `-`, `:` and `|` (after blockquote markers and
/// indentation) opens a table as wide as its cells, and every following non-blank line is a row. Only
/// a page that really pads half a million cells can trip it.
enum TableBudget {
    /// The most empty cells the tables of one page may add, upstream's limit for one table.
    static let limit = 0x80000

    /// Where the table that takes the page over `limit` begins (its header row), or nil when within it.
    static func overflow(in bytes: UnsafeBufferPointer<UInt8>, limit: Int = limit) -> TextPosition? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var padded = 0
        var columns = 0  // the open table's width; 0 outside tables
        // The header row of the open table: the byte offsets of its line's start and of its content.
        var header = (start: 0, first: 0)
        var start = 0
        while start <= count {
            if columns == 0 {
                // Outside a table only a line with a `|` can open one: jump to the next, then back to its line's start.
                guard start < count, let pipe = memchr(base + start, Int32(UInt8(ascii: "|")), count - start) else { return nil }
                var lineStart = UnsafeRawPointer(pipe) - UnsafeRawPointer(base)
                while lineStart > start, !isBreak(bytes[lineStart - 1]) { lineStart -= 1 }
                start = lineStart
            }
            let end = lineEnd(bytes, from: start)
            let (first, last) = content(bytes, start, end)
            let blank = first == last
            if columns > 0 {
                let cells = blank ? 0 : cellCount(bytes, first, last)
                if cells == 0 {
                    columns = 0
                } else {
                    padded += max(0, columns - cells)
                    if padded > limit { return position(bytes, line: header.start, first: header.first) }
                }
            } else if !blank, let width = delimiterWidth(bytes, first, last), width > 1 {
                columns = width
                // The header is the line above, unless that is blank or there is none.
                header = (start, first)
                if start > 0 {
                    var previousEnd = start - 1
                    if bytes[previousEnd] == 0x0A, previousEnd > 0, bytes[previousEnd - 1] == 0x0D { previousEnd -= 1 }
                    var previousStart = previousEnd
                    while previousStart > 0, !isBreak(bytes[previousStart - 1]) { previousStart -= 1 }
                    let previous = content(bytes, previousStart, previousEnd)
                    if previous.first != previous.last { header = (previousStart, previous.first) }
                }
            }
            var next = end
            if next < count, bytes[next] == 0x0D, next + 1 < count, bytes[next + 1] == 0x0A { next += 1 }
            start = next + 1
        }
        return nil
    }

    /// Line feed or carriage return: where a line ends.
    private static func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

    /// The offset of the line break that ends the line starting at `start`, or the text's length.
    /// `memchr` finds the next LF, then the line's bytes before it are searched for a CR (a line may end at
    /// a lone CR): two calls that read sixteen bytes at a time, where this stepped through every byte of
    /// every table row.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return max(start, bytes.count) }
        let feed = memchr(base + start, 0x0A, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
        guard feed > start, let carriage = memchr(base + start, 0x0D, feed - start) else { return feed }
        return UnsafeRawPointer(carriage) - UnsafeRawPointer(base)
    }

    /// A row's content: after indentation and blockquote markers, before trailing spaces.
    private static func content(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (first: Int, last: Int) {
        var first = start
        while first < end, isSpace(bytes[first]) || bytes[first] == UInt8(ascii: ">") { first += 1 }
        var last = end
        while last > first, isSpace(bytes[last - 1]) { last -= 1 }
        return (first, last)
    }

    /// The 1-based line and byte column of `first` on the line starting at `line`; lines end at LF, CR or CRLF.
    private static func position(_ bytes: UnsafeBufferPointer<UInt8>, line lineStart: Int, first: Int) -> TextPosition {
        var line = 1
        for index in 0..<lineStart {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) { line += 1 }
        }
        return TextPosition(line: line, column: first - lineStart + 1)
    }
    /// Space, tab, vertical tab and form feed: cmark-gfm's `spacechar`.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C }

    /// The number of cells cmark-gfm finds in a row: an optional leading `|`, then cells that each end
    /// at a `|` not written `\|` (its only escape), or at the end of the line.
    private static func cellCount(_ bytes: UnsafeBufferPointer<UInt8>, _ first: Int, _ last: Int) -> Int {
        var index = first
        if bytes[index] == UInt8(ascii: "|") { index += 1 }
        guard index < last else { return 0 }
        var cells = 1
        var endsWithPipe = false
        while index < last {
            let byte = bytes[index]
            endsWithPipe = false
            if byte == UInt8(ascii: "\\"), index + 1 < last, bytes[index + 1] == UInt8(ascii: "|") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                cells += 1
                endsWithPipe = true
            }
            index += 1
        }
        return endsWithPipe ? cells - 1 : cells
    }

    /// The number of columns of a delimiter row (`|---|:-:|`), or nil when the line is not one.
    private static func delimiterWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ first: Int, _ last: Int) -> Int? {
        var sawDash = false
        var sawPipe = false
        for index in first..<last {
            switch bytes[index] {
            case UInt8(ascii: "-"): sawDash = true
            case UInt8(ascii: "|"): sawPipe = true
            case UInt8(ascii: ":"), 0x20, 0x09, 0x0B, 0x0C: break
            default: return nil
            }
        }
        guard sawDash, sawPipe else { return nil }
        return cellCount(bytes, first, last)
    }
}
