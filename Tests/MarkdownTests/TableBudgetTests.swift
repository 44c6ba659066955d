import Diagnostics
import Markdown
import Testing

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
