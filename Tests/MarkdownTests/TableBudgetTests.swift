import Diagnostics
import Testing

@testable import Markdown

/// The GFM table padding bomb (CVE-2023-37463): Debian's cmark-gfm pads short rows without limit, so
/// the Markdown stage refuses a page whose tables would pad more cells than upstream's fix allows.
@Suite struct TableBudgetTests {
    /// A table `columns` wide with `rows` one-cell body rows, after `prefix` on every line.
    static func table(columns: Int, rows: Int, prefix: String = "") -> String {
        prefix + "|" + String(repeating: "a|", count: columns) + "\n" + prefix + "|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: prefix + "x\n", count: rows)
    }

    func render(_ markdown: String) -> (html: String, problems: [String]) {
        var resolver = RecordingResolver()
        let html = MarkdownRenderer.render(markdown, options: MarkdownOptions(), resolver: &resolver).html
        return (html, resolver.problems.map { $0.0.error(at: $0.1.located(in: "page.md")).description })
    }

    static let message =
        "error: short rows in this table would be filled with more than 524288 empty cells (counting every table on this page), too many to render safely; give each row as many cells as the header row, or split the table"

    @Test func theSixtyKilobyteBombIsRefusedAtItsHeaderRow() {
        let bomb = "Intro\n\n" + Self.table(columns: 10_000, rows: 10_000)
        #expect(bomb.utf8.count > 60_000)
        let result = render(bomb)
        #expect(result.problems == ["page.md:3:1: " + Self.message])
        #expect(result.html == "")
    }

    @Test func upstreamsLimitIsKeptExactly() {
        // 1,025 columns: each one-cell row pads 1,024 cells; 512 rows pad exactly 0x80000, one more is over.
        let atLimit = render(Self.table(columns: 1025, rows: 512))
        #expect(atLimit.problems == [])
        #expect(atLimit.html.hasPrefix("<table>"))
        #expect(render(Self.table(columns: 1025, rows: 513)).problems == ["page.md:1:1: " + Self.message])
    }

    @Test func theBudgetIsForTheWholePage() {
        let two = Self.table(columns: 1025, rows: 300) + "\ntext\n\n" + Self.table(columns: 1025, rows: 300)
        #expect(render(two).problems == ["page.md:306:1: " + Self.message])
    }

    @Test func tablesInBlockQuotesAndListsCount() {
        #expect(render("> quoted\n>\n" + Self.table(columns: 2000, rows: 300, prefix: "> ")).problems == ["page.md:3:3: " + Self.message])
        #expect(render("- item\n\n" + Self.table(columns: 2000, rows: 300, prefix: "  ")).problems == ["page.md:3:3: " + Self.message])
    }

    @Test func cellsAreCountedAsCmarkGFMCountsThem() {
        // `\|` is cmark-gfm's only escape, so `\\|` hides a pipe too: each of these rows is one cell.
        let hidden =
            Self.table(columns: 1025, rows: 0) + String(repeating: "x" + String(repeating: "\\\\|x", count: 1024) + "\n", count: 513)
        #expect(render(hidden).problems == ["page.md:1:1: " + Self.message])
        // A delimiter row may hold vertical tabs and form feeds (cmark-gfm's spacechar).
        let spaced =
            "|" + String(repeating: "a|", count: 1025) + "\n|" + String(repeating: "-\u{0B}|", count: 1025) + "\n"
            + String(repeating: "x\n", count: 513)
        #expect(render(spaced).problems == ["page.md:1:1: " + Self.message])
    }

    @Test func fullRowsAndOrdinaryTablesAreFine() {
        let full = "|a|b|\n|-|-|\n" + String(repeating: "|1|2|\n", count: 20_000)
        #expect(render(full).problems == [])
        #expect(render("|a|b|\n|:-|-:|\n|x|\n\n| \\| |\n").html.hasPrefix("<table>"))
    }
}

/// `TableBudget.overflow` jumps between pipes with `memchr`; it must answer exactly as the line-by-line
/// scan it replaced (kept here as the reference), with small limits so that random pages go over them.
@Suite struct TableBudgetScanTests {
    @Test func answersLikeTheLineByLineScan() {
        let pieces = ["|", "-", ":", " ", "\t", ">", "x", "\\", "\n", "\n", "\r", "\r\n", "|-|-|", "| a | b | c |", "\u{0B}", "é"]
        var draws = SeededDraws(seed: 0x2545_F491_4F6C_DD1D)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        var overflows = 0
        for _ in 0..<6_000 {
            let text = (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined()
            let limit = next(6)
            let bytes = Array(text.utf8)
            let found = bytes.withUnsafeBufferPointer { TableBudget.overflow(in: $0, limit: limit) }
            let expected = bytes.withUnsafeBufferPointer { Self.reference($0, limit: limit) }
            if found != nil { overflows += 1 }
            if found != expected {
                disagreements.append(
                    "\(text.debugDescription) limit \(limit): \(String(describing: found)) ≠ \(String(describing: expected))")
            }
        }
        #expect(disagreements == [])
        #expect(overflows > 100)
    }

    /// The scan as it was before `memchr` skipped the lines without a pipe.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> TextPosition? {
        guard bytes.contains(UInt8(ascii: "|")) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C }
        func cellCount(_ first: Int, _ last: Int) -> Int {
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
        func delimiterWidth(_ first: Int, _ last: Int) -> Int? {
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
            return cellCount(first, last)
        }
        let count = bytes.count
        var padded = 0
        var columns = 0
        var header = TextPosition(line: 1, column: 1)
        var previous: (line: Int, column: Int, blank: Bool) = (0, 1, true)
        var line = 1
        var start = 0
        while start <= count {
            var end = start
            while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            var first = start
            while first < end, isSpace(bytes[first]) || bytes[first] == UInt8(ascii: ">") { first += 1 }
            var last = end
            while last > first, isSpace(bytes[last - 1]) { last -= 1 }
            let blank = first == last
            if columns > 0 {
                let cells = blank ? 0 : cellCount(first, last)
                if cells == 0 {
                    columns = 0
                } else {
                    padded += max(0, columns - cells)
                    if padded > limit { return header }
                }
            } else if !blank, let width = delimiterWidth(first, last), width > 1 {
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

    /// A line's end is found with `memchr` (LF, then CR before it): at every start of seeded random texts of
    /// LF, CR, CRLF and other bytes, it must be where the byte-by-byte search found it.
    @Test func linesEndWhereTheByteSearchEndedThem() {
        let alphabet: [UInt8] = [0x0A, 0x0D, UInt8(ascii: "|"), UInt8(ascii: "a"), UInt8(ascii: " "), 0xC3, 0xA9]
        var draws = SeededDraws(seed: 0x7AB1_E000_0000_0019)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [[UInt8]] = []
        for _ in 0..<2_000 {
            let text = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
            text.withUnsafeBufferPointer { bytes in
                for start in 0...bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                    if TableBudget.lineEnd(bytes, from: start) != end { disagreements.append(text) }
                }
            }
        }
        #expect(disagreements.isEmpty)
    }
}
