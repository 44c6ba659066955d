import Content
import Diagnostics
import Foundation
import Site
import Testing

/// The real guide in `content/`: the same pages, checklists and facts in every language.
@Suite struct GuideContentTests {
    static let reports: [PageReport] =
        (try? Guidepost.pageReports(
            BuildOptions(
                contentDirectory: Fixtures.root.appendingPathComponent("content").path,
                templatesDirectory: Fixtures.root.appendingPathComponent("templates").path, now: Fixtures.now))) ?? []

    static let languages = ["fr", "nl", "en"]

    func byPath(_ language: String) -> [String: PageReport] {
        Dictionary(uniqueKeysWithValues: Self.reports.filter { $0.language == language }.map { ($0.relativePath, $0) })
    }

    @Test func hasTheNinePagesInEveryLanguage() {
        let expected: Set = [
            "index.md", "what-meta-uses.md", "facebook.md", "instagram.md", "whatsapp.md",
            "after.md", "timeline.md", "sources.md", "about.md",
        ]
        for language in Self.languages {
            #expect(Set(byPath(language).keys) == expected, "pages in \(language)")
        }
    }

    @Test func translationsHaveTheSameChecklistsFactsAndHeadings() {
        let source = byPath("fr")
        for language in Self.languages.dropFirst() {
            for (path, page) in byPath(language) {
                let original = try? #require(source[path])
                #expect(page.checklistItems == original?.checklistItems, "checklist items of \(language)/\(path)")
                #expect(page.facts == original?.facts, "facts used by \(language)/\(path)")
                #expect(page.sources == original?.sources, "sources named by \(language)/\(path)")
                #expect(page.headingLevels == original?.headingLevels, "headings of \(language)/\(path)")
            }
        }
    }

    @Test func theStepPagesAreChecklists() {
        for language in Self.languages {
            #expect(byPath(language)["facebook.md"]?.checklistItems == [7])
            #expect(byPath(language)["instagram.md"]?.checklistItems == [9])
        }
    }

    /// Templates print most UI strings as written, not through `Typography`: the French ones must already
    /// have a narrow no-break space (U+202F), not a plain or no-break one, before `; : ! ? %` and inside « ».
    @Test func frenchUIStringsAreTypesetAsWritten() throws {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("content/strings/fr.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var texts: [(String, String)] = []
        for (key, value) in object {
            if let text = value as? String { texts.append((key, text)) }
            for (form, text) in (value as? [String: String]) ?? [:] { texts.append(("\(key).\(form)", text)) }
        }
        #expect(texts.count > 60)
        var untypeset: [String] = []
        for (key, text) in texts {
            let scalars = Array(text.unicodeScalars)
            for (index, scalar) in scalars.enumerated() where scalar == " " || scalar == "\u{00A0}" {
                let before = index > 0 ? scalars[index - 1] : nil
                let after = index + 1 < scalars.count ? scalars[index + 1] : nil
                if let after, ";:!?%»".unicodeScalars.contains(after) { untypeset.append("\(key): \(text)") }
                if before == "«" { untypeset.append("\(key): \(text)") }
            }
        }
        #expect(untypeset == [])
    }

    @Test func bannerPluralsInEveryLanguage() throws {
        let strings = Fixtures.root.appendingPathComponent("content/strings")
        let expectations: [(String, Int, String)] = [
            ("fr", 0, "Plus que 0 jour"), ("fr", 1, "Plus que 1 jour"), ("fr", 3, "Plus que 3 jours"),
            ("nl", 0, "Nog maar 0 dagen"), ("nl", 1, "Nog maar 1 dag"), ("nl", 3, "Nog maar 3 dagen"),
            ("en", 0, "Only 0 days left"), ("en", 1, "Only 1 day left"), ("en", 3, "Only 3 days left"),
        ]
        for (language, count, text) in expectations {
            let path = strings.appendingPathComponent("\(language).json").path
            let file = try SourceText(path: path, bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
            let rules = LanguageLocale.make(language: language, locale: ["fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"][language]!)!.plurals
            #expect(try UIStrings.parse(file, language: language, rules: rules).get().plural("banner-closing", count: count) == text)
        }
    }
}
