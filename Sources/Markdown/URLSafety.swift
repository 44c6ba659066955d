#if canImport(Glibc)
    import Glibc
#endif

/// The same rule cmark-gfm applies in safe mode: which link destinations could run code.
enum URLSafety {
    /// True for `javascript:`, `vbscript:`, `file:` and `data:` URLs other than common images.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) { return true }
        if lower.hasPrefix("data:") {
            let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !safeImages.contains { lower.hasPrefix($0) }
        }
        return false
    }
}

/// Recognises links an editor writes to another article: relative paths to `.md` files.
public enum ArticleLink {
    /// Splits `../other.md#part` into `("../other.md", "part")` when it is a relative Markdown link.
    /// A query (`other.md?x=1`) is kept in `query`, without the `?`.
    public static func parse(_ destination: String) -> (path: String, fragment: String?, query: String?)? {
        // An ASCII destination (nearly all) is read as bytes, where the string comparisons below are byte
        // comparisons too; any other takes the string path.
        if let ascii = destination.utf8.withContiguousStorageIfAvailable({ bytes -> Parsed? in
            bytes.allSatisfy { $0 < 0x80 } ? Parsed(parse(ascii: bytes)) : nil
        }), let parsed = ascii {
            return parsed.value
        }
        if destination.isEmpty || destination.hasPrefix("/") || destination.hasPrefix("#") { return nil }
        if hasSchemeSeparator(destination) || destination.hasPrefix("mailto:")
            || destination.hasPrefix("tel:")
        {
            return nil
        }
        // Searched in the UTF-8: `#` and `?` are ASCII, and a search by Character walks grapheme clusters.
        let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#"))
        let beforeHash = destination[..<(hash ?? destination.endIndex)]
        let question = beforeHash.utf8.firstIndex(of: UInt8(ascii: "?"))
        let path = String(beforeHash[..<(question ?? beforeHash.endIndex)])
        guard path.hasSuffix(".md") else { return nil }
        return (
            path, hash.map { String(destination[destination.utf8.index(after: $0)...]) },
            question.map { String(beforeHash[beforeHash.utf8.index(after: $0)...]) }
        )
    }

    /// The answer of `parse(_:)` for one destination, nil included.
    private struct Parsed {
        let value: (path: String, fragment: String?, query: String?)?
        init(_ value: (path: String, fragment: String?, query: String?)?) { self.value = value }
    }

    /// `parse(_:)` of an ASCII destination, from its bytes.
    private static func parse(ascii bytes: UnsafeBufferPointer<UInt8>) -> (path: String, fragment: String?, query: String?)? {
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        func starts(with prefix: StaticString) -> Bool {
            prefix.utf8CodeUnitCount <= bytes.count
                && memcmp(bytes.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
        }
        guard let first = bytes.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#") else { return nil }
        if hasSchemeSeparator(bytes) || starts(with: "mailto:") || starts(with: "tel:") { return nil }
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let beforeHash = hash ?? bytes.count
        let question = bytes[..<beforeHash].firstIndex(of: UInt8(ascii: "?"))
        let pathEnd = question ?? beforeHash
        guard pathEnd >= 3, bytes[pathEnd - 3] == UInt8(ascii: "."), bytes[pathEnd - 2] == UInt8(ascii: "m"),
            bytes[pathEnd - 1] == UInt8(ascii: "d")
        else { return nil }
        return (text(0..<pathEnd), hash.map { text(($0 + 1)..<bytes.count) }, question.map { text(($0 + 1)..<beforeHash) })
    }

    /// Whether `destination` holds `://`, searched in its UTF-8 (Foundation's `contains` bridged every
    /// external link to an `NSString`).
    static func hasSchemeSeparator(_ destination: String) -> Bool { hasSchemeSeparator(destination.utf8) }

    /// Whether UTF-8 `bytes` hold `://`.
    static func hasSchemeSeparator(_ bytes: some Sequence<UInt8>) -> Bool {
        var colon = false
        var slash = false
        for byte in bytes {
            if slash, byte == UInt8(ascii: "/") { return true }
            slash = colon && byte == UInt8(ascii: "/")
            colon = byte == UInt8(ascii: ":")
        }
        return false
    }
}
