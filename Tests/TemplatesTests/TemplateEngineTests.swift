import Content
import Diagnostics
import Templates
import Testing

/// The template engine's Mustache semantics: whitespace, sections, lookups, partials, inheritance,
/// transforms and syntax errors.
@Suite struct TemplateEngineTests {
    func render(_ templates: [String: String], _ context: [String: TemplateData], name: String = "main") throws -> String {
        let sources = templates.keys.sorted().map {
            TemplateSource(name: $0, file: SourceText(path: "templates/\($0).mustache", text: templates[$0]!))
        }
        return try TemplateLibrary.load(sources).get().render(context, with: name)
    }

    func errors(_ text: String) -> [BuildError] {
        let source = TemplateSource(name: "main", file: SourceText(path: "t.mustache", text: text))
        let base = TemplateSource(name: "base", file: SourceText(path: "base.mustache", text: ""))
        if case .failure(let failure) = TemplateLibrary.load([source, base]) { return failure.errors }
        return []
    }

    func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(path: "t.mustache", line: line, column: column) }

    @Test func escapesTheFiveHTMLCharactersUnlessTripleOrAmpersand() throws {
        let value: [String: TemplateData] = ["v": .string("<a href=\"x\">Tom & Jerry's</a> é")]
        #expect(try render(["main": "{{v}}|{{{v}}}|{{& v}}"], value)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; é|<a href=\"x\">Tom & Jerry's</a> é|<a href=\"x\">Tom & Jerry's</a> é")
    }

    @Test func writesNumbersAndFlagsAndNothingForMissingValues() throws {
        #expect(try render(["main": "[{{n}}] [{{b}}] [{{missing}}] [{{missing.deeper}}]"], ["n": .int(42), "b": .bool(true)]) == "[42] [true] [] []")
    }

    @Test func standaloneTagsLeaveNoLine() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n{{! a comment }}\n</ul>\n"
        #expect(try render(["main": template], ["items": .list([.string("a"), .string("b")])]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // Not standalone: a tag with text on its line keeps the line.
        #expect(try render(["main": "x {{#b}}y{{/b}}\n"], ["b": .bool(true)]) == "x y\n")
        // Standalone at the end of the file without a newline; CRLF files are read with LF line ends.
        let crlf = try render(["main": "a\r\n{{#b}}\r\nb\r\n{{/b}}"], ["b": .bool(true)])
        #expect(Array(crlf.utf8) == Array("a\nb\n".utf8))
    }

    @Test func sectionsIterateListsPushObjectsAndTestFlags() throws {
        let item: [String: TemplateData] = ["name": .string("inner")]
        let context: [String: TemplateData] = [
            "name": .string("outer"), "object": .object(item), "empty": .list([]), "off": .bool(false),
            "list": .list([.object(item), .object(["other": .string("o")])]),
        ]
        #expect(try render(["main": "{{#object}}{{name}}{{/object}}"], context) == "inner")
        // Names not found in the current item are looked up in the enclosing ones.
        #expect(try render(["main": "{{#list}}{{name}},{{/list}}"], context) == "inner,outer,")
        #expect(try render(["main": "{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}{{^off}}!{{/off}}"], context) == "none!")
        // `.name` is looked up in the current item only.
        #expect(try render(["main": "{{#list}}[{{.name}}]{{/list}}"], context) == "[inner][]")
    }

    @Test func aNullFieldStopsTheLookup() throws {
        let source: [String: TemplateData] = ["date": .null]
        #expect(try render(["main": "{{#source}}{{#date}}{{date}}{{/date}}{{^date}}no date{{/date}}{{/source}}"],
                           ["date": .string("page date"), "source": .object(source)]) == "no date")
    }

    @Test func brokenDottedChainsResolveToNothing() throws {
        let a: [String: TemplateData] = ["b": .object([:] as [String: TemplateData])]
        #expect(try render(["main": "[{{a.b.c}}]"], ["a": .object(a), "c": .string("top")]) == "[]")
    }

    @Test func loopQueriesAndTransforms() throws {
        let context: [String: TemplateData] = ["xs": .list([.string("a"), .string("b"), .string("c")]), "none": .list([]), "word": .string("Été")]
        #expect(try render(["main": "{{#xs}}{{.}}{{^last()}}, {{/last()}}{{/xs}}"], context) == "a, b, c")
        #expect(try render(["main": "{{#xs}}{{index()}}{{#first()}}*{{/first()}}{{/xs}}"], context) == "0*12")
        #expect(try render(["main": "{{^empty(none)}}has{{/empty(none)}}{{#empty(none)}}empty{{/empty(none)}} {{count(xs)}} {{first(xs)}}{{last(xs)}}"], context)
            == "empty 3 ac")
        #expect(try render(["main": "{{uppercased(word)}} {{lowercased(word)}} {{reversed(word)}}"], context) == "ÉTÉ été étÉ")
    }

    @Test func standalonePartialsIndentEveryLineTheyWrite() throws {
        let templates = ["main": "<div>\n  {{> item}}\n</div>\n", "item": "<p>\n{{{html}}}\n</p>\n"]
        // The template's lines are indented; lines inside the interpolated value are not.
        #expect(try render(templates, ["html": .string("a\nb")]) == "<div>\n  <p>\n  a\nb\n  </p>\n</div>\n")
    }

    @Test func inheritanceReplacesBlocksAndTheOutermostOverrideWins() throws {
        let templates = [
            "base": "<title>{{$title}}Site{{/title}}</title>\n<main>{{$main}}empty{{/main}}</main>\n",
            "middle": "{{< base}}{{$title}}Middle{{/title}}{{$main}}middle main{{/main}}{{/base}}",
            "main": "{{< middle}}\n{{$main}}\nown main\n{{/main}}\n{{/middle}}\n",
        ]
        #expect(try render(templates, [:]) == "<title>Middle</title>\n<main>own main\n</main>\n")
        #expect(try render(templates, [:], name: "base") == "<title>Site</title>\n<main>empty</main>\n")
    }

    @Test func syntaxErrorsAreLocatedAndAllReported() {
        #expect(errors("a\n{{#x}}\n{{/y}}\n") == [.templateSyntax(at(3, 4), detail: "this closing tag does not match the section it closes")])
        #expect(errors("{{#x}}\n{{^y}}") == [
            .templateSyntax(at(1, 1), detail: "a section is opened but never closed with {{/x}}"),
            .templateSyntax(at(2, 1), detail: "a section is opened but never closed with {{/y}}"),
        ])
        #expect(errors("ok {{/x}}") == [.templateSyntax(at(1, 7), detail: "this closing tag has no section to close")])
        #expect(errors("é {{name") == [.templateSyntax(at(1, 3), detail: "this tag is not finished; close it with }}")])
        #expect(errors("{{{html}}") == [.templateSyntax(at(1, 1), detail: "this tag is not finished; close it with }}}")])
        #expect(errors("{{=<% %>=}}") == [.templateSyntax(at(1, 1), detail: "changing the delimiters is not supported; keep {{ }}")])
        #expect(errors("{{shout(x)}}") == [.templateSyntax(at(1, 3), detail:
            "there is no transform \"shout\"; use one of empty, count, first, last, index, even, odd, reversed, uppercased, lowercased, capitalized")])
        #expect(errors("{{}} {{a b}}") == [
            .templateSyntax(at(1, 3), detail: "this tag has no name"),
            .templateSyntax(at(1, 8), detail: "\"a b\" is not a valid name; use letters, digits, -, _ and dots between names"),
        ])
        #expect(errors("{{< base}}text {{x}}{{/base}}") == [.templateSyntax(at(1, 16), detail: "inside {{< parent}} only {{$block}} overrides are allowed")])
    }
}
