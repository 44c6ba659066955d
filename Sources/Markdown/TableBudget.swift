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
/// a silently truncated table. One linear scan; a text without `|` is rejected by `memchr` at once.
///
/// The scan errs on the side of counting: any line of `-`, `:` and `|` (after blockquote markers and
/// indentation) opens a table as wide as its cells, and every following non-blank line is a row. Only
/// a page that really pads half a million cells can trip it.
enum TableBudget {
    /// The most empty cells the tables of one page may add, upstream's limit for one table.
    static let limit = 0x80000

    /// Where the table that takes the page over `limit` begins (its header row), or nil when within it.
    static func overflow(in bytes: UnsafeBufferPointer<UInt8>) -> TextPosition? {
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil else { return nil }
        let count = bytes.count
        var padded = 0
        var columns = 0  // the open table's width; 0 outside tables
        var header = TextPosition(line: 1, column: 1)
        var previous: (line: Int, column: Int, blank: Bool) = (0, 1, true)
        var line = 1
        var start = 0
        while start <= count {
            var end = start
            while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            // The row's content: after indentation and blockquote markers, before trailing spaces.
            var first = start
            while first < end, isSpace(bytes[first]) || bytes[first] == UInt8(ascii: ">") { first += 1 }
            var last = end
            while last > first, isSpace(bytes[last - 1]) { last -= 1 }
            let blank = first == last
            if columns > 0 {
                let cells = blank ? 0 : cellCount(bytes, first, last)
                if cells == 0 {
                    columns = 0
                } else {
                    padded += max(0, columns - cells)
                    if padded > limit { return header }
                }
            } else if !blank, let width = delimiterWidth(bytes, first, last), width > 1 {
                columns = width
                header =
                    previous.blank || previous.line == 0
                    ? TextPosition(line: line, column: first - start + 1)
                    : TextPosition(line: previous.line, column: previous.column)
            }
            previous = (line, first - start + 1, blank)
            if end < count, bytes[end] == 0x0D, end + 1 < count, bytes[end + 1] == 0x0A { end += 1 }
            start = end + 1
            line += 1
        }
        return nil
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
