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

    func errors(_ text: String) -> [Diagnostic] {
        let source = TemplateSource(name: "main", file: SourceText(path: "t.mustache", text: text))
        let base = TemplateSource(name: "base", file: SourceText(path: "base.mustache", text: ""))
        if case .failure(let failure) = TemplateLibrary.load([source, base]) { return failure.diagnostics }
        return []
    }

    func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(path: "t.mustache", line: line, column: column) }

    @Test func escapesTheFiveHTMLCharactersUnlessTripleOrAmpersand() throws {
        let value: [String: TemplateData] = ["v": .string("<a href=\"x\">Tom & Jerry's</a> é")]
        #expect(
            try render(["main": "{{v}}|{{{v}}}|{{& v}}"], value)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; é|<a href=\"x\">Tom & Jerry's</a> é|<a href=\"x\">Tom & Jerry's</a> é"
        )
    }

    /// Escaping reads eight bytes at a time: each special character at each place in and across those words,
    /// after one- to four-byte characters, is escaped, and nothing else changes.
    @Test func escapesASpecialCharacterAtEveryPlaceOfALongerText() throws {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for prefix in ["", "é", "€", "🙂", "a?=-~ \u{7F}"] {
            for special in "&<>\"'" {
                for place in 0..<19 {
                    var characters = Array("abcdefghijklmnopqrs")
                    characters[place] = special
                    let text = prefix + String(characters) + (place % 2 == 0 ? String(special) : "")
                    let expected = text.map { entities[$0] ?? String($0) }.joined()
                    #expect(try render(["main": "{{v}}"], ["v": .string(text)]) == expected, "\(text)")
                }
            }
        }
    }

    @Test func writesNumbersAndFlagsAndNothingForMissingValues() throws {
        #expect(
            try render(["main": "[{{n}}] [{{b}}] [{{missing}}] [{{missing.deeper}}]"], ["n": .int(42), "b": .bool(true)])
                == "[42] [true] [] []")
    }

    @Test func standaloneTagsLeaveNoLine() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n{{! a comment }}\n</ul>\n"
        #expect(
            try render(["main": template], ["items": .list([.string("a"), .string("b")])]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
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
        #expect(
            try render(
                ["main": "{{#source}}{{#date}}{{date}}{{/date}}{{^date}}no date{{/date}}{{/source}}"],
                ["date": .string("page date"), "source": .object(source)]) == "no date")
    }

    @Test func brokenDottedChainsResolveToNothing() throws {
        let a: [String: TemplateData] = ["b": .object([:] as [String: TemplateData])]
        #expect(try render(["main": "[{{a.b.c}}]"], ["a": .object(a), "c": .string("top")]) == "[]")
    }

    @Test func loopQueriesAndTransforms() throws {
        let context: [String: TemplateData] = [
            "xs": .list([.string("a"), .string("b"), .string("c")]), "none": .list([]), "word": .string("Été"),
        ]
        #expect(try render(["main": "{{#xs}}{{.}}{{^last()}}, {{/last()}}{{/xs}}"], context) == "a, b, c")
        #expect(try render(["main": "{{#xs}}{{index()}}{{#first()}}*{{/first()}}{{/xs}}"], context) == "0*12")
        #expect(
            try render(
                [
                    "main":
                        "{{^empty(none)}}has{{/empty(none)}}{{#empty(none)}}empty{{/empty(none)}} {{count(xs)}} {{first(xs)}}{{last(xs)}}"
                ], context)
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
        #expect(
            errors("a\n{{#x}}\n{{/y}}\n") == [.templateSyntax(at(3, 4), detail: "this closing tag does not match the section it closes")])
        #expect(
            errors("{{#x}}\n{{^y}}") == [
                .templateSyntax(at(1, 1), detail: "a section is opened but never closed with {{/x}}"),
                .templateSyntax(at(2, 1), detail: "a section is opened but never closed with {{/y}}"),
            ])
        #expect(errors("ok {{/x}}") == [.templateSyntax(at(1, 7), detail: "this closing tag has no section to close")])
        #expect(errors("é {{name") == [.templateSyntax(at(1, 3), detail: "this tag is not finished; close it with }}")])
        #expect(errors("{{{html}}") == [.templateSyntax(at(1, 1), detail: "this tag is not finished; close it with }}}")])
        #expect(
            errors("{{=<% %>=}}<%#x%>\n<%={{ }}=%>{{/y}}") == [
                .templateSyntax(at(2, 15), detail: "this closing tag does not match the section it closes")
            ])
        #expect(
            errors("{{=<%=}}") == [
                .templateSyntax(
                    at(1, 1), detail: "write new delimiters as {{=<% %>=}}: two markers separated by a space, without = in them")
            ])
        #expect(
            errors("{{shout(x)}}") == [
                .templateSyntax(
                    at(1, 3),
                    detail:
                        "there is no transform \"shout\"; use one of empty, count, first, last, index, even, odd, reversed, uppercased, lowercased, capitalized"
                )
            ])
        #expect(
            errors("{{}} {{a b}}") == [
                .templateSyntax(at(1, 3), detail: "this tag has no name"),
                .templateSyntax(at(1, 8), detail: "\"a b\" is not a valid name; use letters, digits, -, _ and dots between names"),
            ])
        #expect(
            errors("{{< base}}text {{x}}{{/base}}") == [
                .templateSyntax(at(1, 16), detail: "inside {{< parent}} only {{$block}} overrides are allowed")
            ])
    }

    @Test func writesDecimalsInTheirShortestForm() throws {
        let numbers: [String: TemplateData] = [
            "a": .double(1.5), "b": .double(1.210), "c": .double(2), "d": .double(0.1), "e": .double(-3.25),
        ]
        #expect(try render(["main": "{{a}} {{b}} {{c}} {{d}} {{e}}"], numbers) == "1.5 1.21 2 0.1 -3.25")
    }

    @Test func setDelimitersApplyUntilChangedAndNotInsidePartials() throws {
        let templates = ["main": "{{=<% %>=}}<%x%> {{x}} <%> part%>\n<%={{ }}=%>{{x}}", "part": "[{{x}}]"]
        #expect(try render(templates, ["x": .string("v")]) == "v {{x}} [v]\nv")
    }

    /// Item 14 of the hardening issue: parse and render are linear in nesting depth (10,000 nested sections
    /// took over a minute when columns were recounted from the line start for every tag).
    @Test func tenThousandNestedSectionsAndInvertedSections() throws {
        let depth = 10_000
        let sections = String(repeating: "{{#a}}<", count: depth) + "{{x}}" + String(repeating: ">{{/a}}", count: depth)
        let expected = String(repeating: "<", count: depth) + "deep" + String(repeating: ">", count: depth)
        #expect(try render(["main": sections], ["a": .bool(true), "x": .string("deep")]) == expected)
        let inverted = String(repeating: "{{^b}}<", count: depth) + "{{x}}" + String(repeating: ">{{/b}}", count: depth)
        #expect(try render(["main": inverted], ["b": .list([]), "x": .string("deep")]) == expected)
        // One tag per line: every line is standalone and leaves nothing.
        let lines = String(repeating: "{{#a}}\n", count: depth) + "{{x}}\n" + String(repeating: "{{/a}}\n", count: depth)
        #expect(try render(["main": lines], ["a": .bool(true), "x": .string("deep")]) == "deep\n")
    }

    @Test func mismatchedClosingTagsAroundBlocksAreReportedWithoutCrashing() {
        #expect(
            errors("{{$a}}\n{{#b}}\n{{/a}}\n  {{$c}}\n    x\n  {{/c}}\n{{/b}}") == [
                .templateSyntax(at(3, 4), detail: "this closing tag does not match the section it closes"),
                .templateSyntax(at(7, 4), detail: "this closing tag does not match the section it closes"),
            ])
    }

    /// Blocks and parents hold their content, so their nesting is limited: one located error, no crash.
    @Test func blocksNestedTenThousandDeepAreOneLocatedError() {
        let blocks = String(repeating: "{{$b}}", count: 10_000) + String(repeating: "{{/b}}", count: 10_000)
        #expect(errors(blocks) == [.templateSyntax(at(1, 601), detail: "blocks and parents are nested more than 100 levels deep here")])
        let fine = String(repeating: "{{$b}}", count: 100) + "x" + String(repeating: "{{/b}}", count: 100)
        #expect(errors(fine).isEmpty)
    }

    @Test func recursivePartialsEndWithTheData() throws {
        func node(_ name: String, _ children: [TemplateData]) -> TemplateData {
            .object(["name": .string(name), "children": .list(children)] as [String: TemplateData])
        }
        let tree = node("a", [node("b", [node("c", [])]), node("d", [])])
        let templates = [
            "main": "<ul>\n{{#tree}}\n{{> item}}\n{{/tree}}\n</ul>\n",
            "item": "<li>{{name}}\n{{#children}}\n  {{> item}}\n{{/children}}\n</li>\n",
        ]
        #expect(
            try render(templates, ["tree": tree])
                == "<ul>\n<li>a\n  <li>b\n    <li>c\n    </li>\n  </li>\n  <li>d\n  </li>\n</li>\n</ul>\n")
    }

    @Test func aRecursionTheDataNeverEndsIsALocatedError() throws {
        let sources = [
            TemplateSource(name: "main", file: SourceText(path: "templates/main.mustache", text: "{{> loop}}")),
            TemplateSource(name: "loop", file: SourceText(path: "templates/loop.mustache", text: "x\n{{#on}}  {{> loop}}{{/on}}")),
        ]
        let library = try TemplateLibrary.load(sources).get()
        #expect(
            throws: TemplateError.templateTooDeep(
                SourceLocation(path: "templates/loop.mustache", line: 2, column: 10), name: "loop", limit: 100)
        ) {
            try library.render(["on": TemplateData.bool(true)], with: "main")
        }
        #expect(
            TemplateError.templateTooDeep(SourceLocation(path: "templates/loop.mustache", line: 2, column: 10), name: "loop", limit: 100)
                .description
                == "templates/loop.mustache:2:10: error: templates are included more than 100 levels deep here (\"loop\" again and again); "
                + "a template that includes itself must be ended by the data, e.g. inside a section over a list that is empty at the deepest level"
        )
        #expect(try library.render(["on": TemplateData.bool(false)], with: "main") == "x\n")
    }

    @Test func dynamicPartialsFollowTheDataAndAMissingTemplateIsALocatedError() throws {
        let items: [String: TemplateData] = [
            "items": .list([
                .object(["kind": .string("text"), "body": .string("hi")] as [String: TemplateData]),
                .object(["kind": .string("image"), "url": .string("a.png")] as [String: TemplateData]),
                .object(["body": .string("no kind")] as [String: TemplateData]),
            ])
        ]
        let templates = ["main": "{{#items}}{{> *kind}}{{/items}}", "text": "<p>{{body}}</p>", "image": "<img src=\"{{url}}\">"]
        #expect(try render(templates, items) == "<p>hi</p><img src=\"a.png\">")
        let library = try TemplateLibrary.load([
            TemplateSource(name: "main", file: SourceText(path: "templates/main.mustache", text: "a\n {{> *kind}}"))
        ]).get()
        #expect(throws: TemplateError.missingTemplate(SourceLocation(path: "templates/main.mustache", line: 2, column: 2), name: "gallery"))
        {
            try library.render(["kind": TemplateData.string("gallery")], with: "main")
        }
    }

    /// A block inside its own override renders its default: before, it expanded the override again
    /// without end (a crash found by TemplateRobustnessTests).
    @Test func anOverrideNeverExpandsIntoItself() throws {
        let templates = ["main": "{{< p}}{{$c}}[{{$c}}inner default{{/c}}]{{/c}}{{/p}}", "p": "<{{$c}}p default{{/c}}>"]
        #expect(try render(templates, [:]) == "<[inner default]>")
    }

    @Test func includeLoopsThroughASectionOrBlockAreLeftToTheData() {
        #expect(errors("{{#x}}{{> main}}{{/x}}{{$b}}{{< main}}{{/main}}{{/b}}").isEmpty)
    }
}
