import Testing

@testable import Site

@Suite struct ByteSearchTests {
    /// The byte searches agree with the generic ones on the UTF-8 view: small and heap strings, non-ASCII
    /// text, a slash that a combining mark follows, bridged substrings, and no match.
    @Test(arguments: ["", "a", "/", "a/b", "fr/été/a.md", "a/\u{301}b/c", String(repeating: "dossier/", count: 6) + "é.md", "%20x"])
    func agreeWithTheUTF8View(text: String) {
        for byte in [UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "x")] {
            #expect(text.containsByte(byte) == text.utf8.contains(byte))
            #expect(text.lastIndex(ofByte: byte) == text.utf8.lastIndex(of: byte))
        }
        let sliced = String(text.dropFirst())
        #expect(sliced.lastIndex(ofByte: UInt8(ascii: "/")) == sliced.utf8.lastIndex(of: UInt8(ascii: "/")))
    }
}
