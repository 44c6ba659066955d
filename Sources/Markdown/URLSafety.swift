#if canImport(Glibc)
    import Glibc
#endif

/// The same rule cmark-gfm applies in safe mode: which link destinations could run code.
enum URLSafety {
    /// True for `javascript:`, `vbscript:`, `file:` and `data:` URLs other than common images.
    static func isDangerous(_ url: String) -> Bool {
        // An ASCII URL (nearly all) is checked on its bytes, where lower-casing and `hasPrefix` are byte
        // operations too; `lowercased()` made a new string for every link. Any other takes the string path.
        if let checked = url.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } ? isDangerous(ascii: $0) : nil }),
            let answer = checked
        {
            return answer
        }
        let lower = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) { return true }
        if lower.hasPrefix("data:") {
            let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !safeImages.contains { lower.hasPrefix($0) }
        }
        return false
    }

    /// `isDangerous(_:)` of an ASCII URL, from its bytes.
    private static func isDangerous(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        /// Whether the URL starts with lower-case ASCII `prefix`, ignoring the URL's case.
        func starts(with prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard count <= bytes.count else { return false }
            for index in 0..<count {
                let byte = bytes[index]
                if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != prefix.utf8Start[index] { return false }
            }
            return true
        }
        // Only j, v, f or d (either case) can start one: most URLs are answered by their first byte.
        guard let first = bytes.first.map({ $0 | 0x20 }),
            first == UInt8(ascii: "j") || first == UInt8(ascii: "v") || first == UInt8(ascii: "f") || first == UInt8(ascii: "d")
        else { return false }
        if starts(with: "javascript:") || starts(with: "vbscript:") || starts(with: "file:") { return true }
        if starts(with: "data:") {
            return
                !(starts(with: "data:image/png") || starts(with: "data:image/gif") || starts(with: "data:image/jpeg")
                || starts(with: "data:image/webp"))
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

    /// Whether `parse(_:)` finds an article link in `destination`, without making its parts' strings.
    public static func matches(_ destination: String) -> Bool {
        if let ascii = destination.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            bytes.allSatisfy { $0 < 0x80 } ? parts(ascii: bytes) != nil : nil
        }), let answer = ascii {
            return answer
        }
        return parse(destination) != nil
    }

    /// The answer of `parse(_:)` for one destination, nil included.
    private struct Parsed {
        let value: (path: String, fragment: String?, query: String?)?
        init(_ value: (path: String, fragment: String?, query: String?)?) { self.value = value }
    }

    /// `parse(_:)` of an ASCII destination, from its bytes.
    private static func parse(ascii bytes: UnsafeBufferPointer<UInt8>) -> (path: String, fragment: String?, query: String?)? {
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        guard let (pathEnd, hash, question) = parts(ascii: bytes) else { return nil }
        let beforeHash = hash ?? bytes.count
        return (text(0..<pathEnd), hash.map { text(($0 + 1)..<bytes.count) }, question.map { text(($0 + 1)..<beforeHash) })
    }

    /// Where the path of an ASCII article link ends and where its `#` and `?` are, or nil when it is none.
    private static func parts(ascii bytes: UnsafeBufferPointer<UInt8>) -> (pathEnd: Int, hash: Int?, question: Int?)? {
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
        return (pathEnd, hash, question)
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
