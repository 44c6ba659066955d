import Diagnostics
import Templates
import Testing

/// A page's HTML reaches templates as bytes (`HTMLText`, `TemplateData.bytes`): every tag that reads it
/// writes what it wrote when the HTML was a `String`.
@Suite struct HTMLTextTests {
    func render(_ templates: [String: String], _ context: [String: TemplateData]) throws -> String {
        let sources = templates.keys.sorted().map {
            TemplateSource(name: $0, file: SourceText(path: "templates/\($0).mustache", text: templates[$0]!))
        }
        return try TemplateLibrary.load(sources).get().render(context, with: "main")
    }

    static let html = "<p>Tom & Jerry's \"é\" 🙂</p>"

    @Test func everyTagReadsBytesAsItReadsTheSameText() throws {
        let template =
            "{{{v}}}|{{v}}|{{& v}}|{{#v}}[{{.}}|{{{.}}}|{{uppercased(.)}}]{{/v}}|{{^v}}none{{/v}}|{{empty(v)}}|{{^empty(v)}}full{{/empty(v)}}"
            + "|{{count(v)}}|{{uppercased(v)}}|{{lowercased(v)}}|{{capitalized(v)}}|{{reversed(v)}}|{{{reversed(v)}}}|{{v.x}}"
        let bytes = try render(["main": template], ["v": .bytes(Array(Self.html.utf8))])
        #expect(bytes == (try render(["main": template], ["v": .string(Self.html)])))
        #expect(
            bytes
                == "<p>Tom & Jerry's \"é\" 🙂</p>|&lt;p&gt;Tom &amp; Jerry&#39;s &quot;é&quot; 🙂&lt;/p&gt;|<p>Tom & Jerry's \"é\" 🙂</p>"
                + "|[&lt;p&gt;Tom &amp; Jerry&#39;s &quot;é&quot; 🙂&lt;/p&gt;|<p>Tom & Jerry's \"é\" 🙂</p>|&lt;P&gt;TOM &amp; JERRY&#39;S &quot;É&quot; 🙂&lt;/P&gt;]"
                + "||false|full|26|&lt;P&gt;TOM &amp; JERRY&#39;S &quot;É&quot; 🙂&lt;/P&gt;|&lt;p&gt;tom &amp; jerry&#39;s &quot;é&quot; 🙂&lt;/p&gt;"
                + "|&lt;p&gt;Tom &amp; Jerry&#39;s &quot;é&quot; 🙂&lt;/p&gt;|&gt;p/&lt;🙂 &quot;é&quot; s&#39;yrreJ &amp; moT&gt;p&lt;|>p/<🙂 \"é\" s'yrreJ & moT>p<|"
        )
    }

    @Test func emptyBytesAreLikeAnEmptyText() throws {
        let template = "[{{{v}}}|{{v}}|{{#v}}section{{/v}}|{{^v}}inverted{{/v}}|{{empty(v)}}|{{count(v)}}]"
        let bytes = try render(["main": template], ["v": .bytes([])])
        #expect(bytes == (try render(["main": template], ["v": .string("")])))
        #expect(bytes == "[||section||true|0]")
    }

    @Test func bytesNameADynamicPartial() throws {
        #expect(try render(["main": "{{> *v}}", "part": "included"], ["v": .bytes(Array("part".utf8))]) == "included")
    }

    @Test func anArticlesContentIsWrittenAsIsOrEscaped() throws {
        let page = PageView(
            lang: "fr", title: "T", documentTitle: "T", description: "", siteTitle: "S", canonicalURL: "", homeURL: "",
            rootURL: "", stylesheetURL: "", scriptURL: "", languages: [], alternates: [], t: [:], builtOn: "", builtOnISO: "",
            isHome: false)
        let article = ArticleContext(
            page: page, content: HTMLText(bytes: Array(Self.html.utf8)), date: nil, updated: nil, sources: [], banner: nil, headings: [])
        let sources = [
            TemplateSource(name: "page", file: SourceText(path: "page.mustache", text: "{{{content}}}\n{{content}}\n{{empty(content)}}"))
        ]
        let library = try TemplateLibrary.load(sources).get()
        #expect(
            try library.render(article, with: "page")
                == "<p>Tom & Jerry's \"é\" 🙂</p>\n&lt;p&gt;Tom &amp; Jerry&#39;s &quot;é&quot; 🙂&lt;/p&gt;\nfalse")
        let home = HomeContext(page: page, content: "<b>&</b>", banners: [], pages: [], sources: [])
        let homeSource = [TemplateSource(name: "home", file: SourceText(path: "home.mustache", text: "{{{content}}} {{content}}"))]
        #expect(try TemplateLibrary.load(homeSource).get().render(home, with: "home") == "<b>&</b> &lt;b&gt;&amp;&lt;/b&gt;")
    }
}
