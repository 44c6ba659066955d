import Diagnostics
import Foundation
import Site
import Testing

/// The translation fixture has one of each problem: a missing page, a stale page, different facts,
/// a different checklist, different headings, and a missing UI string.
@Suite struct TranslationWorkflowTests {
    static let fixture = Fixtures.directory.appendingPathComponent("translations/content")

    func options(_ content: URL = fixture, strict: Bool = true) -> BuildOptions {
        var options = BuildOptions(
            contentDirectory: content.path, templatesDirectory: Fixtures.root.appendingPathComponent("templates").path,
            now: Fixtures.now)
        options.strict = strict
        return options
    }

    func at(_ path: String, _ line: Int = 1, _ column: Int = 1) -> SourceLocation {
        SourceLocation(path: Self.fixture.path + "/" + path, line: line, column: column)
    }

    @Test func strictCheckReportsEveryProblemAtItsLocation() {
        let report = Guidepost.check(options())
        #expect(report.warnings.isEmpty)
        #expect(
            report.errors == [
                .staleTranslation(at("en/guide.md"), source: Self.fixture.path + "/fr/guide.md"),
                .translationFactsDiffer(at("en/guide.md"), missing: ["t.deadline"], extra: ["t.other"]),
                .translationHeadingsDiffer(at("en/headings.md"), level: 2, expected: 2, actual: 1),
                .translationHeadingsDiffer(at("en/headings.md"), level: 3, expected: 0, actual: 1),
                .untranslatedPage(at("fr/only-fr.md"), language: "en"),
                .untranslatedPage(at("fr/only-fr.md"), language: "nl"),
                .translationChecklistsDiffer(at("nl/guide.md"), expected: [3], actual: [2]),
                .missingString(at("strings/nl.json"), key: "skip-link", language: "nl"),
            ])
    }

    @Test func withoutStrictTheyAreWarningsAndTheBuildFallsBack() throws {
        #expect(Guidepost.check(options(strict: false)).errors.isEmpty)
        #expect(Guidepost.check(options(strict: false)).warnings.count == 8)
        let site = try Guidepost.buildInMemory(options(strict: false))
        let fallback = try #require(site.files.first { $0.path == "nl/only-fr/index.html" })
        let html = String(decoding: fallback.bytes, as: UTF8.self)
        #expect(
            html.contains(
                "<p class=\"translation-notice\" lang=\"nl\">Deze pagina is nog niet vertaald: hieronder staat de Franse versie.</p>"))
        #expect(html.contains("<article class=\"article\" data-pagefind-body lang=\"fr\">"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/fr/only-fr/\">"))
        #expect(html.contains("<a href=\"../\">l’accueil</a>"), "links in the fallback lead to pages of its language")
        let stale = String(decoding: try #require(site.files.first { $0.path == "en/guide/index.html" }).bytes, as: UTF8.self)
        #expect(stale.contains("The French version of this page was updated on 21 May 2025; this translation may be out of date."))
        let sitemap = String(decoding: try #require(site.files.first { $0.path == "sitemap.xml" }).bytes, as: UTF8.self)
        #expect(!sitemap.contains("nl/only-fr/"))
        #expect(
            String(decoding: try #require(site.files.first { $0.path == "nl/index.html" }).bytes, as: UTF8.self)
                .contains("Seulement en français</a> <small>(nog niet vertaald)</small>"))
    }

    @Test func editingTheSourceMakesTranslationsStaleAndMarkMakesThemCurrent() throws {
        let work = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: Self.fixture, to: work.appendingPathComponent("content"))
        let content = work.appendingPathComponent("content")
        #expect(try Guidepost.translationStatus(options(content)).rows.first { $0.page == "headings.md" }?.status["nl"] == .current)

        let source = content.appendingPathComponent("fr/headings.md")
        try (String(contentsOf: source, encoding: .utf8) + "\nUn paragraphe de plus.\n").write(
            to: source, atomically: true, encoding: .utf8)
        let stale = try Guidepost.translationStatus(options(content)).rows.first { $0.page == "headings.md" }
        #expect(stale?.status == ["fr": .source, "nl": .stale, "en": .stale])

        let translation = content.appendingPathComponent("nl/headings.md")
        let before = try String(contentsOf: translation, encoding: .utf8)
        _ = try Guidepost.markTranslation(options(content), page: "headings.md", language: "nl")
        let after = try String(contentsOf: translation, encoding: .utf8)
        let changed = zip(
            before.split(separator: "\n", omittingEmptySubsequences: false), after.split(separator: "\n", omittingEmptySubsequences: false)
        )
        .filter { $0 != $1 }
        #expect(before.count == after.count, "only the hash value changed (same length)")
        #expect(changed.count == 1)
        #expect(changed.first?.1.contains("\"sourceHash\": \"") == true)
        #expect(try Guidepost.translationStatus(options(content)).rows.first { $0.page == "headings.md" }?.status["nl"] == .current)
    }

    @Test func theBoardAsText() throws {
        #expect(
            try Guidepost.translationStatus(options()).table == """
                page         fr          nl          en
                guide.md     source      up to date  stale
                headings.md  source      up to date  up to date
                index.md     source      up to date  up to date
                only-fr.md   source      missing     missing
                """)
    }

    @Test func theRealGuidePassesTheStrictCheck() {
        var real = options(Fixtures.root.appendingPathComponent("content"))
        real.strict = true
        #expect(Guidepost.check(real).errors == [])
    }
}
