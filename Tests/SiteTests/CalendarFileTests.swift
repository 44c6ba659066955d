import Foundation
import Site
import Testing

/// Text entering a calendar is escaped per RFC 5545, so a title cannot add properties (issue 14, item 11).
@Suite struct CalendarFileTests {
    @Test func lineBreaksInATitleCannotInjectProperties() throws {
        let site = try ValueSite()
        try site.edit("facts/demo.json", #""en": "Test campaign""#, #""en": "Evil\r\nATTACH:https://evil.example/x\nEND:VEVENT\rA;B,C\\D""#)
        _ = try Guidepost.build(site.options())
        let bytes = try String(contentsOf: site.output.appendingPathComponent("calendar/demo.en.ics"), encoding: .utf8)
        let lines = bytes.components(separatedBy: "\r\n")
        #expect(lines.filter { $0.hasPrefix("ATTACH") || $0 == "END:VEVENT" }.count == 1)  // only the real END:VEVENT
        #expect(unfold(lines, "SUMMARY:") == #"SUMMARY:Last day to object: Evil\nATTACH:https://evil.example/x\nEND:VEVENT\nA\;B\,C\\D"#)
        #expect(
            !bytes.replacingOccurrences(of: "\r\n", with: "").contains("\r")
                && !bytes.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func longLinesAreFoldedAt75OctetsWithoutSplittingCharacters() throws {
        let site = try ValueSite()
        let title = String(repeating: "é", count: 30) + String(repeating: "x", count: 40) + "🇧🇪e\u{301}"
        try site.edit("facts/demo.json", #""en": "Test campaign""#, "\"en\": \"\(title)\"")
        _ = try Guidepost.build(site.options())
        let data = try Data(contentsOf: site.output.appendingPathComponent("calendar/demo.en.ics"))
        let text = try #require(String(data: data, encoding: .utf8))  // every chunk is whole UTF-8
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(unfold(lines, "SUMMARY:") == "SUMMARY:Last day to object: " + title)
    }

    /// The property starting with `name`, its continuation lines joined back (RFC 5545 §3.1).
    func unfold(_ lines: [String], _ name: String) -> String? {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(name) }) else { return nil }
        var unfolded = lines[start]
        for line in lines[(start + 1)...] {
            guard line.hasPrefix(" ") else { break }
            unfolded += line.dropFirst()
        }
        return unfolded
    }
}
