import Markdown
import Testing

/// GitHub's alert syntax becomes an accessible callout with a localized title (issue 17).
@Suite struct CalloutTests {
    func render(_ text: String, titles: [String: String] = [:], language: String? = nil) -> RenderedMarkdown {
        var options = MarkdownOptions(language: language)
        options.calloutTitles = titles
        return MarkdownRenderer.render(text, options: options)
    }

    @Test func eachTypeBecomesAnAsideWithItsTitle() {
        let rendered = render("> [!WARNING]\n> Check that you are **logged in**.\n", titles: ["warning": "Attention"])
        #expect(
            rendered.html
                == "<aside class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Attention</p>\n<p>Check that you are <strong>logged in</strong>.</p>\n</aside>\n"
        )
        #expect(rendered.callouts == ["warning"])
        for type in MarkdownOptions.calloutTypes {
            #expect(render("> [!\(type.uppercased())]\n> x\n").html.contains("class=\"callout callout-\(type)\""))
        }
    }

    @Test func markerCaseBlankLinesAndSeveralBlocks() {
        let rendered = render("> [!note]\n>\n> One.\n>\n> - a\n> - b\n\n> [!TIP]\n> Two.\n")
        #expect(rendered.callouts == ["note", "tip"])
        #expect(
            rendered.html.hasPrefix(
                "<aside class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>One.</p>\n<ul>"))
    }

    @Test func otherQuotesStayQuotes() {
        for text in ["> A quote.\n", "> [!NOPE]\n> x\n", "> Text [!NOTE]\n", "> [!NOTE] on the same line\n", "> [link](x)\n"] {
            let rendered = render(text)
            #expect(rendered.callouts.isEmpty, "\(text)")
            #expect(rendered.html.hasPrefix("<blockquote>"), "\(text)")
        }
    }

    @Test func theTextIsTypesetAndTheTitleEscaped() {
        let rendered = render("> [!NOTE]\n> Vraiment ? Oui : « ceci ».\n", titles: ["note": "A <b> & \"c\""], language: "fr")
        #expect(rendered.html.contains("<p class=\"callout-title\">A &lt;b&gt; &amp; &quot;c&quot;</p>"))
        #expect(rendered.html.contains("Vraiment\u{202F}? Oui\u{202F}: «\u{202F}ceci\u{202F}»."))
    }
}
