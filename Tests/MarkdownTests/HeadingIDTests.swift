import Diagnostics
import Markdown
import Testing

/// Ids are unique on a page: headings never take an id of the template, of a checklist or of a footnote,
/// and links to a part of the page are reported for checking.
@Suite struct HeadingIDTests {
    @Test func headingsAvoidTemplateChecklistAndFootnoteIDs() {
        var options = MarkdownOptions(checklistPrefix: "check-steps")
        options.reservedIDs = ["main", "pages-heading"]
        let markdown =
            "# Main\n\n## Check steps 1\n\n## Check steps 1 1\n\n## Check steps 1 2\n\n- [ ] a\n- [ ] b\n\n## Fn 1\n\n## Main\n\nx[^1]\n\n[^1]: note\n"
        let result = MarkdownRenderer.render(markdown, options: options)
        #expect(
            result.headings.map(\.id) == ["main-1", "check-steps-1-3", "check-steps-1-1-1", "check-steps-1-2-1", "section-fn-1", "main-2"])
        #expect(result.html.hasPrefix("<h1 id=\"main-1\">Main</h1>\n<h2 id=\"check-steps-1-3\">Check steps 1</h2>\n"))
        // Every id on the page is different.
        let ids = result.html.split(separator: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count, "\(ids)")
    }

    @Test func idsDoNotDependOnTheLanguage() {
        var options = MarkdownOptions(checklistPrefix: "check-steps", language: "fr")
        options.reservedIDs = ["main"]
        let french = MarkdownRenderer.render("# Main\n\n- [ ] a\n", options: options)
        options.language = "en"
        let english = MarkdownRenderer.render("# Main\n\n- [ ] a\n", options: options)
        #expect(french.headings.map(\.id) == ["main-1"])
        #expect(french.headings.map(\.id) == english.headings.map(\.id))
        #expect(french.checklists == english.checklists)
    }

    @Test func linksToAPartOfThePageAreReported() {
        let result = MarkdownRenderer.render("# A\n\nSee [b](#b), [top](#top) and [x](other.md#b) or ![i](#img).\n")
        #expect(
            result.fragments == [
                PageFragment(destination: "#b", position: TextPosition(line: 3, column: 5)),
                PageFragment(destination: "#top", position: TextPosition(line: 3, column: 14)),
            ])
    }
}
