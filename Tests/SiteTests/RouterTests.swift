import Diagnostics
import Foundation
import Site
import Testing

@Suite struct RouterTests {
    @Test(arguments: [
        ("fr/a/", "fr/", "../"),
        ("fr/", "fr/", "./"),
        ("fr/a/", "nl/b/c/", "../../nl/b/c/"),
        ("fr/a/", "assets/style.css", "../../assets/style.css"),
        ("", "fr/", "fr/"),
        ("fr/a/b/", "fr/a/c/", "../c/"),
        ("fr/", "", "../"),
        ("", "", "./"),
        ("fr/a/", "fr/a/x.css", "x.css"),
        ("fr/a/", "/fr/b//c/", "../b/c/"),
    ])
    func relativeURLs(from: String, to: String, expected: String) {
        #expect(Router.relative(from: from, to: to) == expected)
    }

    @Test func resolvesArticleLinksInsideTheLanguageFolder() {
        #expect(Router.resolve("../b.md", from: "guides/a.md") == "b.md")
        #expect(Router.resolve("./c/d.md", from: "a.md") == "c/d.md")
        #expect(Router.resolve("../../x.md", from: "a.md") == nil)
        #expect(Router.resolve("b.md", from: "guides/a.md") == "guides/b.md")
        #expect(Router.resolve("b.md", from: "a.md") == "b.md")
        #expect(Router.resolve("é.md", from: "guides/à/ü.md") == "guides/à/é.md")
    }
    /// Ids that differ only by language stay distinct keys (they share a hash), and canonically equal
    /// paths are one id with one hash, as `==` says.
    @Test func pageIDsDifferingByLanguageStayDistinct() {
        var table: [Router.PageID: Int] = [:]
        for (index, language) in ["fr", "nl", "en", "de"].enumerated() {
            table[Router.PageID(language: language, relativePath: "guides/été.md")] = index
        }
        #expect(table.count == 4)
        #expect(table[Router.PageID(language: "nl", relativePath: "guides/e\u{301}te\u{301}.md")] == 1)
        let precomposed = Router.PageID(language: "fr", relativePath: "guides/été.md")
        let decomposed = Router.PageID(language: "fr", relativePath: "guides/e\u{301}te\u{301}.md")
        #expect(precomposed == decomposed && precomposed.hashValue == decomposed.hashValue)
        #expect(Router.PageID(language: "fr", relativePath: "a.md") != Router.PageID(language: "nl", relativePath: "a.md"))
    }
}
