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
        if destination.utf8.contains(UInt8(ascii: ":")) && destination.contains("://") || destination.hasPrefix("mailto:")
            || destination.hasPrefix("tel:")
        {
            return nil
        }
        let hash = destination.firstIndex(of: "#")
        let beforeHash = destination[..<(hash ?? destination.endIndex)]
        let question = beforeHash.firstIndex(of: "?")
        let path = String(beforeHash[..<(question ?? beforeHash.endIndex)])
        guard path.hasSuffix(".md") else { return nil }
        return (
            path, hash.map { String(destination[destination.index(after: $0)...]) },
            question.map { String(beforeHash[beforeHash.index(after: $0)...]) }
        )
    }
}
