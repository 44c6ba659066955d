import Diagnostics
import Testing

@testable import Markdown

/// A resolver that knows two facts and one article, and records what it was asked.
struct RecordingResolver: MarkdownResolver {
    var asked: [(String, PlaceholderContext, TextPosition)] = []
    var links: [(String, TextPosition)] = []
    var problems: [(MarkdownProblem, TextPosition)] = []

    mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? {
        asked.append((key, context, position()))
        switch (key, context) {
        case ("a.name", .text): return "<Anne & Co>"
        case ("a.form", .destination): return "https://example.com/form"
        default: return nil
        }
    }

    mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? {
        links.append((destination, position()))
        return destination == "other.md#part" ? "../other/#part" : nil
    }

    mutating func report(_ problem: MarkdownProblem, at position: TextPosition) {
        problems.append((problem, position))
    }
}

@Suite struct MarkdownRendererTests {
    @Test func headingsGetStableUniqueIDs() {
        let result = MarkdownRenderer.render("# Qu’est-ce que *Meta* utilise ?\n\n## Étapes\n\n## Étapes\n")
        #expect(
            result.html
                == "<h1 id=\"quest-ce-que-meta-utilise\">Qu’est-ce que <em>Meta</em> utilise ?</h1>\n<h2 id=\"etapes\">Étapes</h2>\n<h2 id=\"etapes-1\">Étapes</h2>\n"
        )
        #expect(result.headings.map(\.id) == ["quest-ce-que-meta-utilise", "etapes", "etapes-1"])
        #expect(result.headings.map(\.level) == [1, 2, 2])
    }

    @Test func taskListsBecomeLabelledEnabledCheckboxesWithStableIDs() {
        let options = MarkdownOptions(checklistPrefix: "check-facebook")
        let result = MarkdownRenderer.render("- [ ] Open\n- [x] Send\n\ntext\n\n- [ ] Again\n", options: options)
        #expect(
            result.html == """
                <div class="checklist" data-checklist="check-facebook-1" data-count="2">
                <ul>
                <li><label for="check-facebook-1-1"><input type="checkbox" id="check-facebook-1-1"> <span>Open</span></label></li>
                <li><label for="check-facebook-1-2"><input type="checkbox" id="check-facebook-1-2" checked> <span>Send</span></label></li>
                </ul>
                </div>
                <p>text</p>
                <div class="checklist" data-checklist="check-facebook-2" data-count="1">
                <ul>
                <li><label for="check-facebook-2-1"><input type="checkbox" id="check-facebook-2-1"> <span>Again</span></label></li>
                </ul>
                </div>

                """)
        #expect(result.checklists == [Checklist(id: "check-facebook-1", itemCount: 2), Checklist(id: "check-facebook-2", itemCount: 1)])
        #expect(!result.html.contains("disabled"))
    }

    @Test func plainListsStayPlain() {
        let result = MarkdownRenderer.render("- one\n- two\n")
        #expect(result.html == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
        #expect(result.checklists.isEmpty)
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let markdown = "<div onclick=\"x()\">hi</div>\n\nA <b>bold</b> word.\n"
        #expect(
            MarkdownRenderer.render(markdown).html
                == "<!-- raw HTML omitted -->\n<p>A <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> word.</p>\n")
        let allowed = MarkdownRenderer.render(markdown, options: MarkdownOptions(allowRawHTML: true)).html
        #expect(allowed == "<div onclick=\"x()\">hi</div>\n<p>A <b>bold</b> word.</p>\n")
    }

    @Test func scriptTagsAreFilteredEvenWhenRawHTMLIsAllowed() {
        let html = MarkdownRenderer.render("<script>alert(1)</script>\n", options: MarkdownOptions(allowRawHTML: true)).html
        #expect(html == "&lt;script>alert(1)&lt;/script>\n")
    }

    @Test func dangerousURLsAreEmptiedInSafeMode() {
        #expect(
            MarkdownRenderer.render("[x](javascript:alert(1)) ![y](data:text/html,z) [ok](data:image/png;base64,AA)").html
                == "<p><a href=\"\">x</a> <img src=\"\" alt=\"y\" /> <a href=\"data:image/png;base64,AA\">ok</a></p>\n")
    }

    @Test func placeholdersExpandInTextAndDestinationsButNotInCode() {
        var resolver = RecordingResolver()
        let markdown = "Hi {{a.name}}, see [form]({{a.form}}).\n\n`{{a.name}}`\n\n    {{a.name}}\n"
        let html = MarkdownRenderer.render(markdown, options: MarkdownOptions(), resolver: &resolver).html
        #expect(
            html
                == "<p>Hi &lt;Anne &amp; Co&gt;, see <a href=\"https://example.com/form\">form</a>.</p>\n<p><code>{{a.name}}</code></p>\n<pre><code>{{a.name}}\n</code></pre>\n"
        )
        #expect(resolver.asked.map(\.0) == ["a.name", "a.form"])
        #expect(resolver.asked[0].2 == TextPosition(line: 1, column: 4))
        #expect(resolver.asked[1].1 == .destination)
    }

    @Test func placeholderColumnsCountCharacters() {
        var resolver = RecordingResolver()
        _ = MarkdownRenderer.render("Déjà vu\n\nÉté {{x.y}}\n", options: MarkdownOptions(), resolver: &resolver)
        #expect(resolver.asked.first?.2 == TextPosition(line: 3, column: 5))
    }

    @Test func unknownPlaceholdersStayAsTyped() {
        var resolver = RecordingResolver()
        let html = MarkdownRenderer.render("{{nope.key}}\n", options: MarkdownOptions(), resolver: &resolver).html
        #expect(html == "<p>{{nope.key}}</p>\n")
    }

    @Test func relativeMarkdownLinksAreResolved() {
        var resolver = RecordingResolver()
        let html = MarkdownRenderer.render(
            "[a](other.md#part) [b](https://x.org/a.md) [c](#top)\n", options: MarkdownOptions(), resolver: &resolver
        ).html
        #expect(html == "<p><a href=\"../other/#part\">a</a> <a href=\"https://x.org/a.md\">b</a> <a href=\"#top\">c</a></p>\n")
        #expect(resolver.links.map(\.0) == ["other.md#part"])
        #expect(resolver.links.first?.1 == TextPosition(line: 1, column: 1))
    }

    @Test func gfmExtensionsAndFootnotesAreOn() {
        let html = MarkdownRenderer.render("~~old~~ www.example.org\n\n|a|\n|-|\n|b|\n\nx[^1]\n\n[^1]: note\n").html
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("<table>"))
        #expect(html.contains("class=\"footnotes\""))
    }
}

@Suite struct PlaceholderTests {
    @Test func scansKeysAndOffsets() {
        let found = Placeholder.scan("a {{ x.y }} b {{z.w}} {{ unclosed")
        #expect(found.map(\.key) == ["x.y", "z.w"])
        #expect(found.map(\.characterOffset) == [2, 14])
        #expect(Placeholder.scan("{{{x.y}}} {{a{{b.c}} {{\nd.e}}").map(\.key) == ["x.y", "b.c"])
    }

    @Test func expandsWithPlaceholdersFoundOnceAsWhenItScans() {
        let text = "a {{ x.y }} b {{z.w}} {{ unclosed"
        let replace: (Placeholder) -> String? = { $0.key == "x.y" ? "X" : nil }
        #expect(Placeholder.expand(text, placeholders: Placeholder.scan(text), replace) == "a X b {{z.w}} {{ unclosed")
        #expect(Placeholder.expand(text, replace) == "a X b {{z.w}} {{ unclosed")
        #expect(Placeholder.expand("plain", placeholders: [], replace) == "plain")
    }

    @Test func slugifyDropsAccentsAndPunctuation() {
        #expect(Slugger.slugify("Objecter sur Facebook : étape 1") == "objecter-sur-facebook-etape-1")
        #expect(Slugger.slugify("What's used?") == "whats-used")
        #expect(Slugger.slugify("!!!") == "")
    }
}

/// cmark-gfm's inline parser shares a global table between parsers (github/cmark-gfm#176);
/// the renderer must give the same HTML when pages render in parallel.
@Suite struct ConcurrentRenderingTests {
    @Test func parallelRendersMatchASequentialOne() async {
        let markdown = "~~old~~ www.example.org, *emph* and `code`\n\n- [ ] task\n\n| a |\n|---|\n| b |\n"
        let expected = MarkdownRenderer.render(markdown).html
        #expect(expected.contains("<del>old</del>"))
        await withTaskGroup(of: String.self) { group in
            for _ in 0..<400 { group.addTask { MarkdownRenderer.render(markdown).html } }
            for await html in group { #expect(html == expected) }
        }
    }
}

/// A placeholder is found in a run of text however cmark's inline parser split it (the text nodes are merged).
@Suite struct TextRunTests {
    /// Knows facts whose keys hold characters that are special to cmark's inline parser.
    private struct SpecialKeyResolver: MarkdownResolver {
        mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? {
            ["fee_rate.eu": "3 %", "a*b.c": "AB", "x[1].y": "X1", "deadline!.fr": "1 mai"][key]
        }
        mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { nil }
        mutating func report(_ problem: MarkdownProblem, at position: TextPosition) {}
    }

    @Test func placeholdersSplitByInlineSyntaxAreExpanded() {
        var resolver = SpecialKeyResolver()
        let html = MarkdownRenderer.render(
            "Fee {{fee_rate.eu}}, {{a*b.c}}, {{x[1].y}} and {{deadline!.fr}}; \\*kept\\* and www.example.com {{fee_rate.eu}}.\n",
            options: MarkdownOptions(), resolver: &resolver
        ).html
        #expect(
            html
                == "<p>Fee 3 %, AB, X1 and 1 mai; *kept* and <a href=\"http://www.example.com\">www.example.com</a> 3 %.</p>\n")
    }
}

/// cmark-gfm is asked to parse footnotes only in texts where `mayHaveFootnotes` finds one possible: every
/// other text must render exactly as it does with footnotes parsed.
@Suite struct FootnoteOptionTests {
    @Test func textsWithoutAPossibleFootnoteRenderAsWithFootnotesParsed() {
        let pieces = [
            "[", "]", "x", " ", "\n", "\n\n", "[x]", "[x]: /u", "[1]:", "[^1]", "[^1]: note", "(", ")", "!", "*", "`", "&amp;", "&#94;",
            "&Hat;", "\\", "\\^", "^", "|", "- ", "> ", "# ", "www.a.be", "1. ", "&", "]:", "[ ", "<", "{{f.k}}",
        ]
        var draws = SeededDraws(seed: 0xF007_0000_0000_0013)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        var without = 0
        for _ in 0..<3_000 {
            let text = (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            if !text.utf8.withContiguousStorageIfAvailable({ MarkdownRenderer.mayHaveFootnotes($0) })! { without += 1 }
            var chosen = LiteralResolver()
            var parsed = LiteralResolver()
            let html = MarkdownRenderer.render(text, options: MarkdownOptions(), resolver: &chosen, footnotes: nil, autolinks: true).html
            if html != MarkdownRenderer.render(text, options: MarkdownOptions(), resolver: &parsed, footnotes: true, autolinks: true).html {
                disagreements.append(text.debugDescription)
            }
        }
        #expect(disagreements == [])
        #expect(without > 500)
        for possible in ["[\\^x]", "[&#94;x]", "[&Hat;x]", "a^b", "[^1]\n\n[^1]: n"] {
            #expect(possible.utf8.withContiguousStorageIfAvailable({ MarkdownRenderer.mayHaveFootnotes($0) }) == true, "\(possible)")
        }
        #expect(MarkdownRenderer.render("See[^1].\n\n[^1]: A note.").html.contains("class=\"footnotes\""))
    }
}

/// cmark-gfm's autolink extension is attached only to texts where `mayHaveAutolinks` finds a link possible:
/// every other text must render exactly as it does with the extension attached.
@Suite struct AutolinkOptionTests {
    @Test func textsWithoutAPossibleAutolinkRenderAsWithTheExtension() {
        let pieces = [
            "www", "www.", "WwW.", "ww.", "w", "W", ".", "example.org", "http", "https", ":", "/", "//", "://", "@", "a@b.be", "&#64;",
            "&amp;", "\\@", "mailto:", "x", "[", "]", "(", ")", " ", "\n", "\n\n", "_", "*", "~", "<", ">", "`", "| a |", "- ", "> ",
            "{{f.k}}", "é", "'", "\"",
        ]
        var draws = SeededDraws(seed: 0xA070_0000_0000_0017)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        var without = 0
        for _ in 0..<3_000 {
            let text = (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            if !text.utf8.withContiguousStorageIfAvailable({ MarkdownRenderer.mayHaveAutolinks($0) })! { without += 1 }
            var chosen = LiteralResolver()
            var attached = LiteralResolver()
            let options = MarkdownOptions(language: next(2) == 0 ? "fr" : nil)
            let rendered = MarkdownRenderer.render(text, options: options, resolver: &chosen, footnotes: true, autolinks: nil)
            let withExtension = MarkdownRenderer.render(text, options: options, resolver: &attached, footnotes: true, autolinks: true)
            if rendered.html != withExtension.html || rendered.headings.map(\.id) != withExtension.headings.map(\.id) {
                disagreements.append(text.debugDescription)
            }
        }
        #expect(disagreements == [])
        #expect(without > 500)
        for possible in ["www.a.be", "WWW.A.BE", "see https://a.be", "x://", "a@b.be", "a&#64;b.be", "a\\@b.be"] {
            #expect(possible.utf8.withContiguousStorageIfAvailable({ MarkdownRenderer.mayHaveAutolinks($0) }) == true, "\(possible)")
        }
        #expect(MarkdownRenderer.render("Voir www.example.be.").html.contains("<a href=\"http://www.example.be\">"))
    }
}
