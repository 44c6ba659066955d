import Diagnostics
import Markdown
import Testing

/// A resolver that numbers the sources it is asked to cite and knows one fact.
struct CitingResolver: MarkdownResolver {
    var problems: [MarkdownProblem] = []
    mutating func report(_ problem: MarkdownProblem, at position: TextPosition) { problems.append(problem) }
    var cited: [String] = []
    var positions: [TextPosition] = []

    mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? {
        key == "a.date" ? "26 mai 2025" : nil
    }

    mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { nil }

    mutating func cite(_ keys: [String], at position: @autoclosure () -> TextPosition) -> [Citation]? {
        positions.append(position())
        guard !keys.contains("s.unknown") else { return nil }
        return keys.map { key in
            if !cited.contains(key) { cited.append(key) }
            return Citation(number: cited.firstIndex(of: key)! + 1, key: key)
        }
    }
}

@Suite struct CitationTests {
    @Test func citationKeysAreTheWordsAfterCite() {
        #expect(Citation.keys(in: "cite s.a") == ["s.a"])
        #expect(Citation.keys(in: "cite s.a s.b, s.c") == ["s.a", "s.b", "s.c"])
        #expect(Citation.keys(in: "cite") == [])
        #expect(Citation.keys(in: "citation.x") == nil)
        #expect(Citation.keys(in: "a.date") == nil)
    }

    @Test func citationsBecomeNumberedLinksBetweenTextThatKeepsItsFactsAndTypography() {
        var resolver = CitingResolver()
        let markdown = "Jusqu’au {{a.date}} inclus {{cite s.one}}; ailleurs {{cite s.two s.one}} : fin.\n"
        let html = MarkdownRenderer.render(markdown, options: MarkdownOptions(language: "fr"), resolver: &resolver).html
        #expect(
            html
                == "<p>Jusqu’au 26 mai 2025 inclus <sup class=\"cite\"><a href=\"#source-s.one\">1</a></sup>\u{202F}; ailleurs <sup class=\"cite\"><a href=\"#source-s.two\">2</a>, <a href=\"#source-s.one\">1</a></sup>\u{202F}: fin.</p>\n"
        )
        #expect(resolver.positions.map(\.column) == [28, 53])
    }

    @Test func aRefusedCitationStaysAsTyped() {
        var resolver = CitingResolver()
        let html = MarkdownRenderer.render("Claim {{cite s.unknown}}.\n", options: MarkdownOptions(), resolver: &resolver).html
        #expect(html == "<p>Claim {{cite s.unknown}}.</p>\n")
        var literal = LiteralResolver()
        #expect(
            MarkdownRenderer.render("Claim {{cite s.a}}.\n", options: MarkdownOptions(), resolver: &literal).html
                == "<p>Claim {{cite s.a}}.</p>\n")
    }
}
