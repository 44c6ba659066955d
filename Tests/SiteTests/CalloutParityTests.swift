import Diagnostics
import Foundation
import Site
import Testing

/// Translation parity counts callouts like headings: same types, same order (issue 17).
@Suite struct CalloutParityTests {
    @Test func aTranslationWithoutTheSourcesCalloutIsReported() throws {
        let work = try Fixtures.temporaryDirectory()
        let content = work.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("navigation/content"), to: content)
        let page = content.appendingPathComponent("en/linkedin/overview.md")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(
            of: "> [!warning]\n>\n> Never share your password.\n", with: "Never share your password.\n"
        )
        .write(to: page, atomically: true, encoding: .utf8)
        var options = BuildOptions(
            contentDirectory: content.path, templatesDirectory: Fixtures.root.appendingPathComponent("templates").path, now: Fixtures.now)
        options.strict = true
        let errors = Guidepost.check(options).errors.filter { $0.message.hasPrefix("this translation's callouts are") }
        #expect(
            errors.map(\.description) == [
                "\(page.path):1:1: error: this translation's callouts are note where the source page has note, warning; keep the same callouts ([!NOTE], [!WARNING]…) in the same order"
            ])
    }
}
