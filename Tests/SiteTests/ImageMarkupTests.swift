import Testing

@testable import Site

/// URLs of published images: what may stand as it is, what is percent-encoded.
@Suite struct ImageMarkupTests {
    @Test func onlyWhatAURLPathCannotHoldIsPercentEncoded() {
        #expect(ImageMarkup.encode("../fr/a00001/screen.480.webp") == "../fr/a00001/screen.480.webp")
        #expect(ImageMarkup.encode("A-z_0~9/!$&'()*+,;=:@.png") == "A-z_0~9/!$&'()*+,;=:@.png")
        #expect(ImageMarkup.encode("my shot é.png") == "my%20shot%20%C3%A9.png")
        #expect(ImageMarkup.encode("a\"b<c>%\u{7F}\t.png") == "a%22b%3Cc%3E%25%7F%09.png")
        #expect(ImageMarkup.encode("") == "")
    }
}
