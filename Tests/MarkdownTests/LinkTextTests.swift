import Diagnostics
import Markdown
import Testing

/// Link and image titles, and links written as bare URLs: placeholders are expanded and located where
/// they are typed, and typography never changes a URL.
@Suite struct LinkTextTests {
    @Test func placeholdersInLinkAndImageTitlesAreExpanded() {
        var resolver = RecordingResolver()
        let markdown = "Intro\n\n[t](https://a.org \"By {{a.name}}\") ![i](a.png 'x {{x.y}}')\n"
        let html = MarkdownRenderer.render(markdown, options: MarkdownOptions(), resolver: &resolver).html
        #expect(
            html
                == "<p>Intro</p>\n<p><a href=\"https://a.org\" title=\"By &lt;Anne &amp; Co&gt;\">t</a> <img src=\"a.png\" alt=\"i\" title=\"x {{x.y}}\" /></p>\n"
        )
        #expect(resolver.asked.map(\.0) == ["a.name", "x.y"])
        #expect(resolver.asked.map(\.1) == [.text, .text])
        #expect(resolver.asked.map(\.2) == [TextPosition(line: 3, column: 23), TextPosition(line: 3, column: 50)])
    }

    @Test func placeholdersInBareAutolinksAreLocatedWhereTyped() {
        var resolver = RecordingResolver()
        let markdown =
            "Intro\n\nSee https://example.org/{{x.y}} now and www.ex.org/{{x.z}}.\nÉté https://b.org/{{x.w}}\nhttps://b.org/{{x.w}}\n\n- <https://c.org/{{x.v}}>\n"
        _ = MarkdownRenderer.render(markdown, options: MarkdownOptions(language: "fr"), resolver: &resolver)
        let positions = resolver.asked.map { "\($0.0) \($0.1) \($0.2.line):\($0.2.column)" }
        #expect(
            positions == [
                "x.y text 3:25", "x.z text 3:52", "x.w text 4:19", "x.w text 5:15", "x.v text 7:18",
                "x.y destination 3:25", "x.z destination 3:52", "x.w destination 4:19", "x.w destination 5:15", "x.v destination 7:18",
            ])
    }

    @Test func anAutolinkWithABackslashIsLocatedWhereTyped() {
        var resolver = RecordingResolver()
        // cmark-gfm keeps `a\_b` as typed in a bare URL; the same URL unescaped follows in the next paragraph.
        _ = MarkdownRenderer.render(
            "See https://x.org/a\\_b/{{x.y}} now.\n\nhttps://x.org/a_b/{{x.y}}\n", options: MarkdownOptions(), resolver: &resolver)
        #expect(resolver.asked.map { "\($0.2.line):\($0.2.column)" } == ["1:24", "3:19", "1:24", "3:19"])
    }

    @Test func typographyLeavesURLsByteExact() {
        let markdown = "Hobson's \"choice\" https://en.wikipedia.org/wiki/Hobson's_choice, www.x.org/l'a et <https://a.org/it's> : vu !\n"
        let french = MarkdownRenderer.render(markdown, options: MarkdownOptions(language: "fr")).html
        #expect(
            french
                == "<p>Hobson’s «\u{202F}choice\u{202F}» <a href=\"https://en.wikipedia.org/wiki/Hobson&#x27;s_choice\">https://en.wikipedia.org/wiki/Hobson's_choice</a>, <a href=\"http://www.x.org/l&#x27;a\">www.x.org/l'a</a> et <a href=\"https://a.org/it&#x27;s\">https://a.org/it's</a>\u{202F}: vu\u{202F}!</p>\n"
        )
        let english = MarkdownRenderer.render("It's at https://x.org/it's.\n", options: MarkdownOptions(language: "en")).html
        #expect(english == "<p>It’s at <a href=\"https://x.org/it&#x27;s\">https://x.org/it's</a>.</p>\n")
    }

    @Test func typographyOfPlainTextsSkipsURLsButKeepsQuotePairs() {
        #expect(
            Typography.apply("\"see https://x.org/it's\" and 'www.y.org/a\"b'", language: "en")
                == "“see https://x.org/it's” and ‘www.y.org/a\"b’")
        #expect(
            Typography.apply("Voir \"https://x.org/a?b=1\" : oui (https://y.org/l'a) !", language: "fr")
                == "Voir «\u{202F}https://x.org/a?b=1\u{202F}»\u{202F}: oui (https://y.org/l'a)\u{202F}!")
        #expect(Typography.apply("whttps://x.org/it's", language: "en") == "whttps://x.org/it’s")
    }
}
