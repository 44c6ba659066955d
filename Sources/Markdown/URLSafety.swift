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

    /// Whether `destination` holds `://`, searched in its UTF-8 (Foundation's `contains` bridged every
    /// external link to an `NSString`).
    static func hasSchemeSeparator(_ destination: String) -> Bool {
        var colon = false
        var slash = false
        for byte in destination.utf8 {
            if slash, byte == UInt8(ascii: "/") { return true }
            slash = colon && byte == UInt8(ascii: "/")
            colon = byte == UInt8(ascii: ":")
        }
        return false
    }
}
