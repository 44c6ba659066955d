import Diagnostics
import Foundation
import Markdown
import Testing

/// A resolver that renders Markdown itself while a page renders (a nested scope on the thread's arena).
private struct NestingResolver: MarkdownResolver {
    mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? {
        // Large enough to need chunks beyond the one the thread keeps, which the inner scope then frees.
        let inner = MarkdownRenderer.render(String(repeating: "*inner* text\n\n", count: 30_000)).html
        return inner == String(repeating: "<p><em>inner</em> text</p>\n", count: 30_000) ? "nested ok" : "nested wrong"
    }

    mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { nil }
    mutating func report(_ problem: MarkdownProblem, at position: TextPosition) {}
}

/// cmark-gfm allocates each document from a per-thread arena (Sources/CCmarkArena), given back when it is rendered.
@Suite struct ArenaTests {
    /// A document far larger than the chunk a thread keeps: many chunks, buffers moved as they grow.
    @Test func largeDocumentRendersWhole() {
        let section = "## Part\n\nSome *text* with a [link](https://example.com) and `code`.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n"
        let html = MarkdownRenderer.render(String(repeating: section, count: 5_000)).html
        let expected =
            "<p>Some <em>text</em> with a <a href=\"https://example.com\">link</a> and <code>code</code>.</p>\n"
            + "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"
        #expect(html.utf8.count > 1_000_000)
        let parts = html.split(separator: "</h2>\n", omittingEmptySubsequences: false)
        #expect(parts.count == 5_001)
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(expected) })
        // The next document on the thread starts from a clean arena.
        #expect(MarkdownRenderer.render("# Title\n\nText.\n").html == "<h1 id=\"title\">Title</h1>\n<p>Text.</p>\n")
    }

    /// A render inside a render (from the resolver) leaves the outer document's nodes intact.
    @Test func nestedRenderKeepsTheOuterDocument() {
        var resolver = NestingResolver()
        let html = MarkdownRenderer.render(
            "# Before\n\nA {{fact}} here, then *more* text.\n\n- [ ] a task\n", options: MarkdownOptions(checklistPrefix: "c"),
            resolver: &resolver
        ).html
        #expect(
            html
                == "<h1 id=\"before\">Before</h1>\n<p>A nested ok here, then <em>more</em> text.</p>\n"
                + "<div class=\"checklist\" data-checklist=\"c-1\" data-count=\"1\">\n<ul>\n"
                + "<li><label for=\"c-1-1\"><input type=\"checkbox\" id=\"c-1-1\"> <span>a task</span></label></li>\n</ul>\n</div>\n")
    }

    /// Documents rendered on several threads at once come out as they do one after another.
    @Test func concurrentRendersMatchSerialOnes() {
        let documents = (0..<64).map { index in
            "# Page \(index)\n\n"
                + String(repeating: "Text \(index) with *emphasis*, ~~gone~~ and www.example.com/\(index).\n\n", count: index * 40)
                + "| x | y |\n| - | - |\n| \(index) | z |\n\n- [x] done \(index)\n"
        }
        let serial = documents.map { MarkdownRenderer.render($0, options: MarkdownOptions(language: "fr")).html }
        let results = ResultBox(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results.set(index, MarkdownRenderer.render(documents[index], options: MarkdownOptions(language: "fr")).html)
        }
        #expect(results.values == serial)
    }
}

/// Results written from several threads, each to its own index.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String]

    init(count: Int) { storage = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) { lock.withLock { storage[index] = value } }

    var values: [String] { lock.withLock { storage } }
}
