import Diagnostics
import Testing

@testable import Templates

/// The load-time name check: each template is walked from the view model it is rendered with, and a name no
/// type on the stack can provide is a located error with the closest existing name.
@Suite struct TemplateNameCheckTests {
    /// The unknown names of `templates` (name → text) when `root` is rendered with `context`, as printed.
    func unknown(_ templates: [String: String], root: String = "main", context: TemplateSchema = ArticleContext.templateSchema) throws
        -> [String]
    {
        let sources = templates.sorted { $0.key < $1.key }.map {
            TemplateSource(name: $0.key, file: SourceText(path: "\($0.key).mustache", text: $0.value))
        }
        let library = try TemplateLibrary.load(sources).get()
        return library.unknownNames(roots: [(root, context)]).diagnostics.map(\.description)
    }

    func error(_ at: String, _ name: String, _ suggestion: String?, layout: String = "main", context: String = "ArticleContext") -> String {
        let fix = suggestion.map { "did you mean \"\($0)\"?" } ?? "fix the name;"
        return
            "\(at): error: unknown name \"\(name)\" (the \"\(layout)\" template gets \(context)); \(fix) docs/template-names.md lists every name a template can use"
    }

    @Test func aMisspelledFieldIsLocatedWithASuggestion() throws {
        #expect(
            try unknown(["main": "<h1>{{page.title}}</h1>\n  <h1>{{page.titel}}</h1>"]) == [
                error("main.mustache:2:7", "page.titel", "page.title")
            ])
        #expect(try unknown(["main": "{{{contnet}}}"]) == [error("main.mustache:1:1", "contnet", "content")])
        #expect(try unknown(["main": "{{page.Title}}"]) == [error("main.mustache:1:1", "page.Title", "page.title")])
        // Nothing close: no guess.
        #expect(try unknown(["main": "{{zzzzzz}}"]) == [error("main.mustache:1:1", "zzzzzz", nil)])
    }

    @Test func theRealTemplatesNamesAreAllKnown() throws {
        #expect(
            try unknown([
                "main":
                    "{{page.lang}}{{#page.languages}}{{code}}{{name}}{{/page.languages}}{{page.t.skip-link}}{{page.extra.a.b}}{{site.extra.x}}"
            ]) == [])
    }

    @Test func sectionsPushTheElementOfAListOrTheObject() throws {
        let template = """
            {{#sources}}{{publisher}}{{#date}}{{iso}}{{/date}}{{page.title}}{{/sources}}
            {{#banner}}{{#texts.open}}{{category}}{{/texts.open}}{{deadlineISO}}{{/banner}}
            {{#sources}}{{deadlineISO}}{{/sources}}
            """
        #expect(try unknown(["main": template]) == [error("main.mustache:3:13", "deadlineISO", nil)])
        // A flag pushes nothing; text pushes a value without names, but the names below it stay visible.
        #expect(
            try unknown(["main": "{{#hasNeighbours}}{{content}}{{/hasNeighbours}}{{#notice}}{{.}}{{notice}}{{.level}}{{/notice}}"])
                == [error("main.mustache:1:74", ".level", nil)])
    }

    @Test func theInnermostTypeWithTheFirstNameDecides() throws {
        // Inside a row, `page` is the row's page (text), so `page.title` can never be found.
        let errors = try unknown(
            ["main": "{{#rows}}{{page}}{{page.title}}{{/rows}}{{page.title}}"], context: TranslationsContext.templateSchema)
        #expect(errors == [error("main.mustache:1:18", "page.title", nil, context: "TranslationsContext")])
    }

    @Test func invertedSectionsAndTransformsKeepTheStack() throws {
        let template =
            "{{^empty(children)}}{{#children}}{{url}}{{/children}}{{count(children)}}{{/empty(children)}}{{^previous}}{{url}}{{/previous}}"
            + "{{#first(children)}}{{title}}{{/first(children)}}{{#reversed(toc)}}{{level}}{{^last()}},{{/last()}}{{/reversed(toc)}}{{uppercased(page.tilte)}}"
        #expect(
            try unknown(["main": template]) == [
                error("main.mustache:1:106", "url", nil), error("main.mustache:1:243", "page.tilte", "page.title"),
            ])
    }

    @Test func partialsAreCheckedWhereTheyAreIncluded() throws {
        let templates = [
            "main": "{{#breadcrumb}}{{> link}}{{/breadcrumb}}{{> link}}",
            "link": "<a href=\"{{url}}\">{{title}}</a>",
        ]
        // Inside the breadcrumb the link's names exist; at the top of an article they do not (reported once each).
        #expect(try unknown(templates) == [error("link.mustache:1:10", "url", nil), error("link.mustache:1:19", "title", nil)])
        // The same partial from a home page's group: fine.
        #expect(
            try unknown(
                ["main": "{{#groups}}{{#pages}}{{> link}}{{/pages}}{{/groups}}", "link": templates["link"]!],
                context: HomeContext.templateSchema) == [])
    }

    @Test func parentsAndBlocksAreCheckedInTheStackWhereTheBlockIs() throws {
        let templates = [
            "base": "<title>{{page.documentTitle}}</title>{{#page.menu}}{{$item}}{{titl}}{{/item}}{{/page.menu}}{{$main}}{{/main}}",
            "main": "{{< base}}{{$main}}{{page.titel}}{{/main}}{{$item}}{{url}}{{/item}}{{/base}}",
        ]
        // The default of `item` is overridden, so its typo is never rendered; the override runs inside the menu.
        #expect(try unknown(templates) == [error("main.mustache:1:20", "page.titel", "page.title")])
        let withoutOverride = ["base": templates["base"]!, "main": "{{< base}}{{$main}}{{/main}}{{/base}}"]
        #expect(try unknown(withoutOverride) == [error("base.mustache:1:61", "titl", "title")])
    }

    @Test func recursivePartialsAndDynamicNamesEnd() throws {
        let templates = ["main": "{{#children}}{{> main}}{{title}}{{/children}}{{> *page.kind}}{{> *page.lang}}"]
        #expect(try unknown(templates) == [error("main.mustache:1:46", "page.kind", nil)])
    }

    @Test func freeFormAndStringsAcceptAnyNameBelowThem() throws {
        #expect(
            try unknown(["main": "{{#page.extra.items}}{{anything}}{{/page.extra.items}}{{page.t.any-key}}{{#page.t}}{{x}}{{/page.t}}"])
                == [])
        #expect(
            try unknown(["main": "{{page.t.a.b}}{{content.length}}"]) == [
                error("main.mustache:1:1", "page.t.a.b", nil), error("main.mustache:1:15", "content.length", nil),
            ])
    }

    @Test func everyRootGetsItsOwnViewModel() throws {
        let library = try TemplateLibrary.load([
            TemplateSource(
                name: "root",
                file: SourceText(path: "root.mustache", text: "{{lang}}{{#languages}}{{notFound}}{{/languages}}{{page.title}}"))
        ]).get()
        #expect(
            library.unknownNames(roots: [("root", RootContext.templateSchema), ("missing", RootContext.templateSchema)]).diagnostics.map(
                \.description)
                == [error("root.mustache:1:49", "page.title", nil, layout: "root", context: "RootContext")])
    }

    @Test func suggestionsAreCloseNamesOnly() {
        #expect(NameSuggestion.distance(Array("titel"), Array("title")) == 1)
        #expect(NameSuggestion.distance(Array("kitten"), Array("sitting")) == 3)
        #expect(NameSuggestion.closest(to: "titel", among: ["lang", "title", "titles"]) == "title")
        #expect(NameSuggestion.closest(to: "url", among: ["id", "level"]) == nil)
        #expect(NameSuggestion.closest(to: "title", among: ["site", "page"]) == nil)
        #expect(NameSuggestion.closest(to: "canonicalUrl", among: ["canonicalURL", "homeURL"]) == "canonicalURL")
    }

    @Test func tenThousandNestedSectionsAreCheckedWithoutRecursion() throws {
        let template =
            String(repeating: "{{#breadcrumb}}", count: 10_000) + "{{titel}}" + String(repeating: "{{/breadcrumb}}", count: 10_000)
        #expect(try unknown(["main": template]) == [error("main.mustache:1:150001", "titel", "title")])
    }
}
