import Markdown
import Testing

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
}
