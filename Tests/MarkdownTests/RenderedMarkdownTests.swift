import Markdown
import Testing

/// The rendered HTML is handed over as cmark's bytes, checked only for the two bytes cmark writes that are not
/// UTF-8: they must be the valid UTF-8 that `String(cString:)` made of them before, whatever the Markdown names.
@Suite struct RenderedMarkdownTests {
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) } != nil
    }

    @Test func referencesToEveryKindOfCodePointGiveValidUTF8() {
        let markdown =
            "é € 🙂 \u{0}x &#xD800; &#0; &#x110000; &#xFFFE; &#xFFFF; &#xFFFD; &#65; &amp; &copy; `\u{FFFF}` ![é](a.png)\n\n"
            + "| a | é |\n|---|---|\n| 🙂 | &#xDFFF;&#xFFFF; |\n"
        let rendered = MarkdownRenderer.render(markdown)
        #expect(Self.isValidUTF8(rendered.htmlBytes))
        #expect(Array(rendered.html.utf8) == rendered.htmlBytes)
        // Each reference to a code point that cannot be a character, U+FFFE and U+FFFF included, is U+FFFD.
        #expect(
            rendered.html
                == "<p>é € 🙂 \u{FFFD}x \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} A &amp; © <code>\u{FFFF}</code> <img src=\"a.png\" alt=\"é\" /></p>\n"
                + "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>é</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>🙂</td>\n<td>\u{FFFD}\u{FFFD}</td>\n</tr>\n</tbody>\n</table>\n"
        )
    }

    /// A reference to every 97th code point and to each edge between UTF-8's lengths and around the surrogates.
    @Test func referencesAcrossTheWholeCodeSpaceGiveValidUTF8() {
        let edges = [0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFDD0, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF]
        let points = Array(stride(from: 1, through: 0x10FFFF, by: 97)) + edges
        let markdown = points.map { "&#x\(String($0, radix: 16));" }.joined(separator: " ") + "\n"
        let rendered = MarkdownRenderer.render(markdown)
        #expect(Self.isValidUTF8(rendered.htmlBytes))
        #expect(Array(rendered.html.utf8) == rendered.htmlBytes)
    }

    @Test func aDocumentMadeFromAStringKeepsItsBytes() {
        let rendered = RenderedMarkdown(html: "<p>é</p>\n", headings: [], checklists: [])
        #expect(rendered.htmlBytes == Array("<p>é</p>\n".utf8))
        #expect(rendered.html == "<p>é</p>\n")
        #expect(rendered == RenderedMarkdown(htmlBytes: Array("<p>é</p>\n".utf8), headings: [], checklists: []))
    }
}
