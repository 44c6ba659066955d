import Foundation
import Site
import Testing

/// `extra` in front matter and `site.json` reaches templates as `page.extra.…` and `site.extra.…`
/// (issue 17), and anything but an object is a located error.
@Suite struct ExtraTests {
    @Test func pageAndSiteExtraReachALayout() throws {
        let work = try Fixtures.temporaryDirectory()
        let content = work.appendingPathComponent("content")
        let templates = work.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("basic/content"), to: content)
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("templates"), to: templates)
        try """
        {{< base}}{{$main}}<p class="icon">{{page.extra.icon}}</p>{{#page.extra.steps}}<i>{{.}}</i>{{/page.extra.steps}}\
        <p>{{page.extra.nested.count}} {{page.extra.nested.ratio}} {{#page.extra.nested.flag}}on{{/page.extra.nested.flag}}</p>\
        <p class="org">{{site.extra.organisation}}</p>{{{content}}}{{/main}}{{/base}}
        """.write(to: templates.appendingPathComponent("extra-demo.mustache"), atomically: true, encoding: .utf8)
        let config = content.appendingPathComponent("site.json")
        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
            of: "\"campaigns\"", with: "\"extra\": {\"organisation\": \"Test & Co\"},\n  \"campaigns\""
        )
        .write(to: config, atomically: true, encoding: .utf8)
        let page = content.appendingPathComponent("en/guides/steps.md")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(
            of: "\"slug\": \"steps\", ",
            with:
                "\"slug\": \"steps\", \"layout\": \"extra-demo\", \"extra\": {\"icon\": \"<shield>\", \"steps\": [\"a\", \"b\"], \"nested\": {\"count\": 3, \"ratio\": 1.5, \"flag\": true}}, "
        )
        .write(to: page, atomically: true, encoding: .utf8)
        let built = try Guidepost.buildInMemory(
            BuildOptions(contentDirectory: content.path, templatesDirectory: templates.path, now: Fixtures.now))
        let html = String(decoding: try #require(built.files.first { $0.path == "en/guides/steps/index.html" }).bytes, as: UTF8.self)
        #expect(html.contains("<p class=\"icon\">&lt;shield&gt;</p><i>a</i><i>b</i><p>3 1.5 on</p><p class=\"org\">Test &amp; Co</p>"))
    }

    @Test func extraMustBeAnObject() throws {
        let work = try Fixtures.temporaryDirectory()
        let content = work.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("basic/content"), to: content)
        let page = content.appendingPathComponent("en/guides/steps.md")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(
            of: "\"slug\": \"steps\", ", with: "\"slug\": \"steps\", \"extra\": [1], "
        )
        .write(to: page, atomically: true, encoding: .utf8)
        let report = Guidepost.check(
            BuildOptions(
                contentDirectory: content.path, templatesDirectory: Fixtures.root.appendingPathComponent("templates").path,
                now: Fixtures.now))
        #expect(
            report.errors.map(\.description) == [
                "\(page.path):1:64: error: \"extra\" must be an object such as {\"icon\": \"shield\"}; change its value"
            ])
    }
}
