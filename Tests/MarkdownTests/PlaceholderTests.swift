import Testing

@testable import Markdown

/// `Placeholder.scan` reads bytes in place and counts characters from them when it can: it must find
/// the same placeholders, at the same ranges and character offsets, as the scan it replaced (kept here).
@Suite struct PlaceholderScanTests {
    @Test func findsWhatTheIndexByIndexScanFound() {
        let pieces = [
            "{", "}", "{{", "}}", "{{x.y}}", "{{ a.b }}", "a", " ", "\t", "\n", "\r\n", "\r", "é", "’", "«", "\u{202F}", "e\u{301}",
            "👍🏽", "\u{200D}", "日本", "\u{2028}", "\u{AD}", "‼\u{FE0F}", "\u{1F1E7}\u{1F1EA}", "\u{2060}", "x.y", "\u{301}", "{{ \t",
            "plain text", "Déjà vu, voilà", "ninebytes", "a\r\nb c d e f",
        ]
        var draws = SeededDraws(seed: 0xDEAD_BEEF_CAFE_F00D)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        var found = 0
        for _ in 0..<6_000 {
            let text = (0..<next(16)).map { _ in pieces[next(pieces.count)] }.joined()
            let scanned = Placeholder.scan(text)
            found += scanned.count
            if scanned != Self.reference(text) { disagreements.append(text.debugDescription) }
        }
        #expect(disagreements == [])
        #expect(found > 1_000)
    }

    /// Keys are trimmed of spaces and tabs as characters: a space that a combining mark joins is not a space.
    @Test func trimsKeysAsTheCharacterScanDid() {
        let texts = ["{{\t a.b \t}}", "{{ \u{301}a.b\t}}", "{{ a.b \u{301}}}", "{{ a.b\u{200D} }}", "{{ é.b }}", "{{  }}", "{{ a\rb }}"]
        for text in texts { #expect(Placeholder.scan(text) == Self.reference(text), "\(text.debugDescription)") }
        #expect(Placeholder.scan("{{ \u{301}a.b\t}}").map(\.key) == [" \u{301}a.b"])
        #expect(Placeholder.scan("{{\t a.b \t}}").map(\.key) == ["a.b"])
    }

    /// `mayContain` (memchr from one `{` to the next) answers as the byte-by-byte scan does.
    @Test func mayContainAnswersAsTheByteScan() {
        let texts = [
            "", "{", "{{", "}{", "a{", "a{{", "{a{", "{a{{", "{{a", "é{{", "{é{", "x { y } {{z}}", String(repeating: "{a", count: 40) + "{",
        ]
        for text in texts {
            #expect(Placeholder.mayContain(text) == Placeholder.mayContain(utf8: Array(text.utf8)), "\(text.debugDescription)")
        }
        #expect(
            Placeholder.mayContain("a{{") && !Placeholder.mayContain("{a{")
                && !Placeholder.mayContain(String(repeating: "{a", count: 40) + "{"))
    }

    @Test func countsCharactersBeforeEachPlaceholder() {
        let found = Placeholder.scan("Été « déjà » — {{a.b}} e\u{301} {{c.d}} 👍🏽{{e.f}}\r\n{{g.h}}")
        #expect(found.map(\.key) == ["a.b", "c.d", "e.f", "g.h"])
        #expect(found.map(\.characterOffset) == [15, 25, 34, 43])
    }

    /// The scan as it was before it read the bytes in place.
    static func reference(_ text: String) -> [Placeholder] {
        var found: [Placeholder] = []
        let utf8 = text.utf8
        var open: String.Index?
        var index = utf8.startIndex
        var previous: UInt8 = 0
        var counted = text.startIndex
        var characters = 0
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "{") {
                open = utf8.index(before: index)
            } else if byte == UInt8(ascii: "}"), previous == UInt8(ascii: "}"), let start = open {
                let inner = text[utf8.index(start, offsetBy: 2)..<utf8.index(before: index)]
                var slice = inner[...]
                while let first = slice.first, " \t".contains(first) { slice = slice.dropFirst() }
                while let last = slice.last, " \t".contains(last) { slice = slice.dropLast() }
                let key = String(slice)
                if !key.isEmpty, !inner.utf8.contains(UInt8(ascii: "\n")) {
                    let between = text.utf8[counted..<start]
                    characters += between.allSatisfy { $0 < 0x80 } ? between.count : text[counted..<start].count
                    counted = start
                    found.append(Placeholder(key: key, range: start..<utf8.index(after: index), characterOffset: characters))
                }
                open = nil
                previous = 0
                index = utf8.index(after: index)
                continue
            } else if byte == UInt8(ascii: "\n") {
                open = nil
            }
            previous = byte
            index = utf8.index(after: index)
        }
        return found
    }
}
