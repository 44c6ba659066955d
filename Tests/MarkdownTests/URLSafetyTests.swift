import Testing

@testable import Markdown

/// Which destinations are links to another article: relative `.md` paths, never a URL with a scheme.
@Suite struct URLSafetyTests {
    @Test func articleLinksAreRelativeMarkdownPathsWithoutAScheme() {
        #expect(ArticleLink.parse("../other.md#part?x")?.path == "../other.md")
        #expect(ArticleLink.parse("other.md?x=1#part").map { [$0.path, $0.query, $0.fragment] } == ["other.md", "x=1", "part"])
        #expect(ArticleLink.parse("https://example.org/a.md") == nil)
        #expect(ArticleLink.parse("x://a.md") == nil)
        #expect(ArticleLink.parse("mailto:a@b.md") == nil)
        #expect(ArticleLink.parse("/root.md") == nil)
        #expect(ArticleLink.parse("#part") == nil)
        // A colon or a slash alone is no scheme.
        #expect(ArticleLink.parse("notes:/a.md")?.path == "notes:/a.md")
        #expect(ArticleLink.parse("a:b/c.md")?.path == "a:b/c.md")
        #expect(ArticleLink.parse(":/:/x.md")?.path == ":/:/x.md")
        #expect(ArticleLink.parse("page.html") == nil)
    }

    /// ASCII destinations are parsed from their bytes: the answers must be those of the string path it
    /// replaced (kept here), on seeded random destinations, ASCII or not.
    @Test func articleLinksAreParsedAsByTheStringPath() {
        let pieces = [
            "a", "x.md", ".md", ".m", "d", "/", "#", "?", ":", "://", "mailto:", "tel:", "..", "=", "é", "\u{301}", "日", " ", "%20", "\r\n",
        ]
        var draws = SeededDraws(seed: 0x0BAD_5EED_0BAD_5EED)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        func flat(_ parsed: (path: String, fragment: String?, query: String?)?) -> [String?]? {
            parsed.map { [$0.path, $0.fragment, $0.query] }
        }
        var disagreements: [String] = []
        var links = 0
        for _ in 0..<6_000 {
            let destination = (0..<next(7)).map { _ in pieces[next(pieces.count)] }.joined()
            let parsed = flat(ArticleLink.parse(destination))
            if parsed != nil { links += 1 }
            if parsed != flat(Self.reference(destination)) { disagreements.append(destination.debugDescription) }
            // `matches` answers whether there is a link without making its parts.
            if ArticleLink.matches(destination) != (parsed != nil) { disagreements.append("matches: " + destination.debugDescription) }
        }
        #expect(disagreements == [])
        #expect(links > 200)
    }

    /// `ArticleLink.parse` as it was, on the string alone.
    static func reference(_ destination: String) -> (path: String, fragment: String?, query: String?)? {
        if destination.isEmpty || destination.hasPrefix("/") || destination.hasPrefix("#") { return nil }
        var colon = false
        var slash = false
        for byte in destination.utf8 {
            if slash, byte == UInt8(ascii: "/") { return nil }
            slash = colon && byte == UInt8(ascii: "/")
            colon = byte == UInt8(ascii: ":")
        }
        if destination.hasPrefix("mailto:") || destination.hasPrefix("tel:") { return nil }
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
    /// ASCII URLs are checked from their bytes: the answers must be those of the string check it replaced
    /// (kept here), on seeded random URLs, ASCII or not (a Kelvin sign lower-cases to `k`, a combining
    /// accent after the colon makes another character of it, `İ` lower-cases to two scalars).
    @Test func dangerousURLsAreFoundAsByTheStringCheck() {
        let pieces = [
            "javascript:", "JavaScript:", "JAVASCRIPT", "vbscript:", "VBScript:", "file:", "File:", "data:", "DATA:", "image/",
            "IMAGE/", "png", "PNG", "gif", "jpeg", "webp", "svg", ":", "/", "a", "x", "\u{212A}", "\u{130}", "\u{301}", "\u{E9}", "\r\n",
            " ", "%3A", "data:image/png", "DATA:IMAGE/WEBP", "data:image/jpe",
        ]
        var draws = SeededDraws(seed: 0x5AFE_0F0B_AD00_0001)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        var dangerous = 0
        var safeImages = 0
        for _ in 0..<20_000 {
            let url = (0..<next(5)).map { _ in pieces[next(pieces.count)] }.joined()
            let answer = URLSafety.isDangerous(url)
            if answer { dangerous += 1 } else if url.lowercased().hasPrefix("data:image/") { safeImages += 1 }
            if answer != Self.referenceIsDangerous(url) { disagreements.append(url.debugDescription) }
        }
        #expect(disagreements == [])
        #expect(dangerous > 1_000)
        #expect(safeImages > 20)
        #expect(URLSafety.isDangerous("JaVaScRiPt:alert(1)"))
        #expect(URLSafety.isDangerous("FILE:///etc/passwd"))
        #expect(URLSafety.isDangerous("data:text/html,x"))
        #expect(!URLSafety.isDangerous("Data:Image/PNG;base64,x"))
        #expect(!URLSafety.isDangerous("https://example.org/javascript:"))
    }

    /// `URLSafety.isDangerous` as it was, on the string alone.
    static func referenceIsDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) { return true }
        if lower.hasPrefix("data:") {
            let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !safeImages.contains { lower.hasPrefix($0) }
        }
        return false
    }
}
