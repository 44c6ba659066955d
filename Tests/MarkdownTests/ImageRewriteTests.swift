import Diagnostics
import Markdown
import Testing

/// Records the images it is asked about and answers with a marker.
struct ImageResolver: MarkdownResolver {
    var problems: [MarkdownProblem] = []
    mutating func report(_ problem: MarkdownProblem, at position: TextPosition) { problems.append(problem) }
    var images: [(ImageReference, TextPosition)] = []
    var files: [String] = []
    mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? { nil }
    mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { nil }
    mutating func resolveImage(_ image: ImageReference, at position: @autoclosure () -> TextPosition) -> String? {
        images.append((image, position()))
        return "<img data-n=\"\(image.index)\">"
    }
    mutating func resolveFile(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? {
        files.append(destination)
        return "published/" + destination
    }
}

@Suite struct ImageRewriteTests {
    @Test func imagesAreHandedToTheResolverWithTheirPlaceAltTextTitleAndPosition() {
        var resolver = ImageResolver()
        let html = MarkdownRenderer.render(
            "Intro ![The *settings* menu](a.png \"Menu\")\n\n![](b.png)\n", options: MarkdownOptions(), resolver: &resolver
        ).html
        #expect(html == "<p>Intro <img data-n=\"0\"></p>\n<p><img data-n=\"1\"></p>\n")
        // Asked last first (an image may sit in another's alt text); each knows its place on the page.
        resolver.images.sort { $0.0.index < $1.0.index }
        #expect(
            resolver.images.map(\.0) == [
                ImageReference(destination: "a.png", alt: "The settings menu", title: "Menu", index: 0),
                ImageReference(destination: "b.png", alt: "", title: nil, index: 1),
            ])
        #expect(resolver.images.map(\.1) == [TextPosition(line: 1, column: 7), TextPosition(line: 3, column: 1)])
    }

    @Test func linksToFilesAskTheResolverButPagesAnchorsAndURLsDoNot() {
        var resolver = ImageResolver()
        let html = MarkdownRenderer.render(
            "[PDF](form.pdf#page=2) [a](#x) [b](https://e.org/f.pdf) [c](other.md) [d](folder/)\n",
            options: MarkdownOptions(), resolver: &resolver
        ).html
        #expect(resolver.files == ["form.pdf#page=2"])
        #expect(html.contains("<a href=\"published/form.pdf#page=2\">PDF</a>"))
    }

    @Test func localReferences() {
        #expect(LocalReference.isLocal("settings-1.png"))
        #expect(LocalReference.isLocal("img/a b.png"))
        #expect(LocalReference.isLocal("/static/logo.svg"))
        #expect(!LocalReference.isLocal("https://example.org/a.png"))
        #expect(!LocalReference.isLocal("data:image/png;base64,AAAA"))
        #expect(!LocalReference.isLocal("//cdn.example.org/a.png"))
        #expect(!LocalReference.isLocal("#top"))
        #expect(LocalReference.namesFile("form.pdf"))
        #expect(!LocalReference.namesFile("other.md#x"))
        #expect(!LocalReference.namesFile("folder/"))
        #expect(!LocalReference.namesFile("../guides"))
    }

    @Test func anImageBetweenTwoTaskItemsStaysInTheFirstAndTheChecklistStaysOne() {
        let options = MarkdownOptions(checklistPrefix: "check-steps")
        let between = MarkdownRenderer.render("- [ ] Open the app\n\n![Settings](settings.png)\n\n- [ ] Tap Settings\n", options: options)
        let indented = MarkdownRenderer.render(
            "- [ ] Open the app\n\n  ![Settings](settings.png)\n\n- [ ] Tap Settings\n", options: options)
        #expect(between.checklists == [Checklist(id: "check-steps-1", itemCount: 2)])
        #expect(between.html == indented.html)
        #expect(
            between.html == """
                <div class="checklist" data-checklist="check-steps-1" data-count="2">
                <ul>
                <li>
                <p><label for="check-steps-1-1"><input type="checkbox" id="check-steps-1-1"> <span>Open the app</span></label></p>
                <p><img src="settings.png" alt="Settings" /></p>
                </li>
                <li>
                <p><label for="check-steps-1-2"><input type="checkbox" id="check-steps-1-2"> <span>Tap Settings</span></label></p>
                </li>
                </ul>
                </div>

                """)
    }

    @Test func textBetweenTaskListsStillSeparatesThem() {
        let result = MarkdownRenderer.render("- [ ] One\n\nSome text ![x](x.png)\n\n- [ ] Two\n")
        #expect(result.checklists.count == 2)
    }
}
