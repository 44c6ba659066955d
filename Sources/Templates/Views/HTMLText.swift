/// HTML as UTF-8 bytes, as the Markdown renderer writes it: `{{{content}}}` copies the bytes into the page
/// without making a `String` of them (and checking them) first.
public struct HTMLText: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The UTF-8 bytes.
    public var bytes: [UInt8]

    /// HTML from its UTF-8 bytes (which must be valid UTF-8, as the Markdown renderer's are).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// HTML from a string.
    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// HTML from a string literal.
    public init(stringLiteral text: String) {
        self.init(text)
    }
}
