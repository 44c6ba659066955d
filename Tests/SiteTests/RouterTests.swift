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
}
