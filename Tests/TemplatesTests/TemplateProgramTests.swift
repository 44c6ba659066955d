import Diagnostics
import Templates
import Testing

/// The compiled program's bookkeeping, where it differs from walking the parsed templates: overrides kept in a
/// list (outer blocks win, an inner parent's blocks end with it, an override never expands into itself),
/// indentation restored by length, partials resolved to templates at load time or by the data.
@Suite struct TemplateProgramTests {
    func render(_ templates: [String: String], _ context: [String: TemplateData] = [:]) throws -> String {
        let sources = templates.keys.sorted().map {
            TemplateSource(name: $0, file: SourceText(path: "templates/\($0).mustache", text: templates[$0]!))
        }
        return try TemplateLibrary.load(sources).get().render(context, with: "main")
    }

    @Test func anOuterBlockWinsAndAnInnerParentsBlocksEndWithIt() throws {
        let templates = [
            "main": "{{< outer}}{{$b}}B-main{{/b}}{{/outer}}",
            "outer": "{{$b}}b-default{{/b}}|{{< inner}}{{$b}}B-inner{{/b}}{{$c}}C-inner{{/c}}{{/inner}}|{{$c}}c-default{{/c}}",
            "inner": "[{{$b}}ib{{/b}},{{$c}}ic{{/c}}]",
        ]
        #expect(try render(templates) == "B-main|[B-main,C-inner]|c-default")
    }

    @Test func aBlockInsideItsOwnOverrideIsItsDefaultAndTheOverrideComesBackAfter() throws {
        let templates = [
            "main": "{{< base}}{{$b}}<{{$b}}inner-default{{/b}}>{{/b}}{{/base}}",
            "base": "{{$b}}base-default{{/b}}/{{$b}}again{{/b}}",
        ]
        #expect(try render(templates) == "<inner-default>/<inner-default>")
    }

    @Test func indentationOfNestedStandalonePartialsAddsUpAndEndsWithEach() throws {
        let templates = [
            "main": "a\n  {{> p}}\nz {{v}}\n",
            "p": "x\n  {{> q}}\ny\n",
            "q": "q1 {{v}}\nq2\n",
        ]
        #expect(try render(templates, ["v": .string("<v>")]) == "a\n  x\n    q1 &lt;v&gt;\n    q2\n  y\nz &lt;v&gt;\n")
    }

    @Test func aDynamicPartialIsChosenByTheDataAndItsRecursionNamesIt() throws {
        let templates = ["main": "{{> *kind}}", "loop": "{{#on}}.{{> *kind}}{{/on}}", "leaf": "leaf {{kind}}"]
        #expect(try render(templates, ["kind": .string("leaf")]) == "leaf leaf")
        #expect(
            throws: TemplateError.templateTooDeep(
                SourceLocation(path: "templates/loop.mustache", line: 1, column: 9), name: "loop", limit: 100)
        ) {
            try render(templates, ["kind": .string("loop"), "on": .bool(true)])
        }
        #expect(
            throws: TemplateError.missingTemplate(SourceLocation(path: "templates/main.mustache", line: 1, column: 1), name: "nope")
        ) {
            try render(templates, ["kind": .string("nope")])
        }
    }
}
