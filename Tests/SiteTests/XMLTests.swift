import Testing

@testable import Site

/// `XML.escape` and `XML.append`: the five special characters as entities, on bytes.
@Suite struct XMLTests {
    @Test func theFiveSpecialCharactersBecomeEntities() {
        #expect(XML.escape("Tom & \"Jerry\" <3 'x'>") == "Tom &amp; &quot;Jerry&quot; &lt;3 &apos;x&apos;&gt;")
        #expect(XML.escape("Été, sans rien à échapper") == "Été, sans rien à échapper")
        #expect(XML.escape("") == "")
    }

    /// A combining mark after `&` made one character of the two, which a walk by characters did not escape
    /// (malformed XML).
    @Test func anAmpersandBeforeACombiningMarkIsEscaped() {
        #expect(XML.escape("a&\u{301}b<\u{301}") == "a&amp;\u{301}b&lt;\u{301}")
    }

    @Test func appendWritesTheSameBytesAsEscape() {
        for text in ["", "plain", "a&b", "&<>\"'", "x'\u{301}y", "https://ex.com/a&b'c/"] {
            var bytes: [UInt8] = [0x2A]
            XML.append(text, to: &bytes)
            #expect(bytes == [0x2A] + Array(XML.escape(text).utf8))
        }
    }
}
