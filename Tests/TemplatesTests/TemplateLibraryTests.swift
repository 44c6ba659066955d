import Diagnostics
import Templates
import Testing

@Suite struct TemplateLibraryTests {
    func source(_ name: String, _ text: String) -> TemplateSource {
        TemplateSource(name: name, file: SourceText(path: "templates/\(name).mustache", text: text))
    }

    func errors(_ sources: [TemplateSource]) -> [Diagnostic] {
        if case .failure(let failure) = TemplateLibrary.load(sources) { return failure.diagnostics }
        return []
    }

    @Test func rendersInheritanceAndPartialsWithEscaping() throws {
        let library = try TemplateLibrary.load([
            source("base", "<title>{{title}}</title>{{$main}}default{{/main}}{{> footer}}"),
            source("page", "{{< base}}{{$main}}<p>{{{content}}}</p>{{/main}}{{/base}}"),
            source("footer", "<footer>{{t.bye}}</footer>"),
        ]).get()
        let context: [String: TemplateData] = [
            "title": .string("<b>&"), "content": .string("<em>ok</em>"), "t": .object(["bye": TemplateData.string("Salut")]),
        ]
        let html = try library.render(context, with: "page")
        #expect(html == "<title>&lt;b&gt;&amp;</title><p><em>ok</em></p><footer>Salut</footer>")
    }

    @Test func syntaxErrorHasItsLocation() {
        #expect(
            errors([source("page", "<p>\n{{#items}}\n{{name}}\n{{/wrong}}\n")])
                == [
                    .templateSyntax(
                        SourceLocation(path: "templates/page.mustache", line: 4, column: 4),
                        detail: "this closing tag does not match the section it closes")
                ])
    }

    @Test func missingPartialIsAnError() {
        #expect(
            errors([source("page", "ok\n  {{> missing }}")])
                == [.missingTemplate(SourceLocation(path: "templates/page.mustache", line: 2, column: 3), name: "missing")])
    }

    @Test func includeLoopsAreErrors() {
        #expect(
            errors([source("a", "{{> b}}"), source("b", "x {{> a}}")])
                == [.templateCycle(SourceLocation(path: "templates/b.mustache", line: 1, column: 3), chain: ["a", "b", "a"])])
        #expect(
            errors([source("self", "{{< self}}{{/self}}")])
                == [.templateCycle(SourceLocation(path: "templates/self.mustache", line: 1, column: 1), chain: ["self", "self"])])
    }

    @Test func findsStringKeys() {
        let scanned = source("p", "{{page.t.skip-link}} {{#t.x}}{{/t.x}} {{title}}")
        #expect(scanned.stringKeys.map(\.key) == ["skip-link", "x"])
        #expect(scanned.stringKeys.map(\.location.column) == [1, 22])
    }

    /// References come from the compiled tags: a tag inside a comment is not a reference, and tags
    /// written with other delimiters are.
    @Test func referencesComeFromTheCompiledTags() {
        let scanned = source("p", "{{! see {{> footer}} }}\n{{=<% %>=}}<%> header %> <% t.key %>\n")
        #expect(scanned.references.map(\.name) == ["header"])
        #expect(scanned.references.map(\.location) == [SourceLocation(path: "templates/p.mustache", line: 2, column: 12)])
        #expect(scanned.stringKeys.map(\.key) == ["key"])
        #expect(errors([scanned, source("header", "")]).isEmpty)
    }
}
