import Content
import Diagnostics
import Foundation
import Site
import Testing

/// Languages as configuration: CLDR locales, draft languages, new and adapted translations, fallbacks.
@Suite struct LanguageWorkflowTests {
    static let translations = Fixtures.directory.appendingPathComponent("translations/content")
    static let languages = Fixtures.directory.appendingPathComponent("languages/content")

    func options(_ content: URL, strict: Bool = true) -> BuildOptions {
        var options = BuildOptions(
            contentDirectory: content.path, templatesDirectory: Fixtures.root.appendingPathComponent("templates").path,
            now: Fixtures.now)
        options.strict = strict
        return options
    }

    /// A copy of `content` in a new temporary folder.
    func copy(_ content: URL) throws -> URL {
        let target = try Fixtures.temporaryDirectory().appendingPathComponent("content")
        try FileManager.default.copyItem(at: content, to: target)
        return target
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    func text(_ site: BuiltSite, _ path: String) -> String? {
        site.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test func aDraftFourthLanguageOnACopyOfTheRealGuideBuildsAndPassesTheStrictCheckWithWarnings() throws {
        let content = try copy(Fixtures.root.appendingPathComponent("content"))
        try edit(content.appendingPathComponent("site.json")) {
            $0.replacingOccurrences(of: "\"en\"\n  ],", with: "\"en\",\n    {\"code\": \"de\", \"status\": \"draft\"}\n  ],")
                .replacingOccurrences(
                    of: "\"en\": \"Meta and AI: how to object\"",
                    with: "\"en\": \"Meta and AI: how to object\", \"de\": \"Meta und KI: widersprechen\""
                )
                .replacingOccurrences(of: "\"en\": \"en_GB\"", with: "\"en\": \"en_GB\", \"de\": \"de_BE\"")
        }
        try edit(content.appendingPathComponent("site.json")) { text in
            let marker = "\"en\": \"An independent guide"
            return text.replacingOccurrences(of: marker, with: "\"de\": \"Ein unabhängiger Leitfaden.\",\n    " + marker)
        }
        let english = try String(contentsOf: content.appendingPathComponent("strings/en.json"), encoding: .utf8)
        try english.replacingOccurrences(of: "\"language-name\": \"English\"", with: "\"language-name\": \"Deutsch\"")
            .write(to: content.appendingPathComponent("strings/de.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("de"), withIntermediateDirectories: true)
        try "{\"title\": \"Leitfaden\"}\n\nEr sagte \"ja\".\n".write(
            to: content.appendingPathComponent("de/index.md"), atomically: true, encoding: .utf8)

        let report = Guidepost.check(options(content))
        #expect(report.errors == [])
        #expect(
            report.warnings.contains(
                SiteError.untranslatedPage(SourceLocation(path: content.path + "/fr/facebook.md"), language: "de").diagnostic.asWarning))
        let anywhere = SourceLocation(path: "")
        #expect(report.warnings.contains { $0.message == ContentError.missingTranslation(anywhere, language: "de").message })
        #expect(
            report.warnings.contains(
                SiteError.newTranslation(SourceLocation(path: content.path + "/de/index.md"), source: content.path + "/fr/index.md")
                    .diagnostic.asWarning))
        #expect(report.warnings.allSatisfy { $0.location.path.contains("/de/") || $0.description.contains("\"de\"") })

        let site = try Guidepost.buildInMemory(options(content, strict: false))
        let home = try #require(text(site, "de/index.html"))
        #expect(home.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(home.contains("Er sagte „ja“."))
        #expect(!home.contains("hreflang=\"de\" href"), "no hreflang alternates on a draft page")
        let french = try #require(text(site, "fr/index.html"))
        // (German sources are cited with lang="de" and hreflang="de": only the switcher and the head matter here.)
        let switcher = try #require(
            french.range(of: "<nav class=\"language-switcher\"").map { String(french[$0.lowerBound...].prefix(2_000)) })
        #expect(
            !switcher.prefix(while: { _ in true }).components(separatedBy: "</nav>")[0].contains("lang=\"de\""),
            "not in the switcher of published pages")
        #expect(!french.contains("<link rel=\"alternate\" hreflang=\"de\""))
        #expect(!(try #require(text(site, "sitemap.xml"))).contains("/de/"))
        #expect(!(try #require(text(site, "index.html"))).contains("\"de/\""), "not in the root chooser")
        #expect(text(site, "de/feed.xml") == nil)
        #expect(site.pageCounts.map(\.language) == ["fr", "nl", "en", "de"])
    }

    @Test func aBrandNewTranslationIsNewNotStale() throws {
        let content = try copy(Self.translations)
        try edit(content.appendingPathComponent("nl/headings.md")) {
            $0.replacingOccurrences(of: "\"sourceHash\": \"59b111f93290\", ", with: "")
        }
        let audit = try Guidepost.translationStatus(options(content))
        #expect(audit.rows.first { $0.page == "headings.md" }?.status["nl"] == .new)
        let problem = SiteError.newTranslation(
            SourceLocation(path: content.path + "/nl/headings.md"), source: content.path + "/fr/headings.md")
        #expect(audit.problems.contains(problem.diagnostic))
        let stale = SiteError.staleTranslation(SourceLocation(path: ""), source: content.path + "/fr/headings.md").message
        #expect(!audit.problems.contains { $0.location.path.hasSuffix("nl/headings.md") && $0.message == stale })
        #expect(
            problem.message
                == "this translation is new, not yet reviewed against the source page \(content.path)/fr/headings.md; review it, then mark it as reviewed"
        )
        // With the command line's advice, the message names its command.
        var advised = options(content)
        advised.advice.markTranslation = "run guidepost translations mark"
        #expect(
            try Guidepost.translationStatus(advised).problems.contains {
                $0.message
                    == "this translation is new, not yet reviewed against the source page \(content.path)/fr/headings.md; review it, then run guidepost translations mark"
            })
        let page = try #require(text(try Guidepost.buildInMemory(options(content, strict: false)), "nl/headings/index.html"))
        #expect(!page.contains("translation-notice"), "no \"the source changed\" notice on a new translation")
    }

    @Test func anAdaptedTranslationKeepsItsOwnStructureButStaysTracked() throws {
        let content = try copy(Self.translations)
        try edit(content.appendingPathComponent("en/headings.md")) {
            $0.replacingOccurrences(of: "\"title\": \"Headings\"", with: "\"title\": \"Headings\", \"adapted\": true")
        }
        var audit = try Guidepost.translationStatus(options(content))
        #expect(audit.rows.first { $0.page == "headings.md" }?.status["en"] == .adapted)
        #expect(!audit.problems.contains { $0.location.path.hasSuffix("en/headings.md") })
        try edit(content.appendingPathComponent("fr/headings.md")) { $0 + "\nUn paragraphe de plus.\n" }
        audit = try Guidepost.translationStatus(options(content))
        #expect(audit.rows.first { $0.page == "headings.md" }?.status["en"] == .adaptedStale)
        #expect(
            audit.problems.filter { $0.location.path.hasSuffix("en/headings.md") }
                == [.staleTranslation(SourceLocation(path: content.path + "/en/headings.md"), source: content.path + "/fr/headings.md")])
        #expect(audit.table.contains("adapted, stale"))
        let board = try #require(text(try Guidepost.buildInMemory(options(content, strict: false)), "translations/index.html"))
        #expect(board.contains("<td class=\"status-adapted-stale\"><a href=\"../en/headings/\">adapted, stale</a></td>"))
    }

    @Test func aLocaleCLDRDoesNotKnowIsAnError() throws {
        let content = try copy(Self.translations)
        try edit(content.appendingPathComponent("site.json")) {
            $0.replacingOccurrences(of: "\"baseURL\"", with: "\"locales\": {\"nl\": \"xx_YY\"},\n  \"baseURL\"")
        }
        let report = Guidepost.check(options(content))
        #expect(
            report.errors.map(\.description) == [
                "\(content.path)/site.json:5:21: error: \"xx_YY\" is not a locale CLDR has data for, so its dates, numbers and plurals cannot be written; use a CLDR locale such as \"fr_BE\", \"pt_BR\" or \"ar_EG\" under \"locales\" in content/site.json"
            ])
    }

    @Test func aMissingStringsFileSaysWhatToCreate() throws {
        let content = try copy(Self.translations)
        try FileManager.default.removeItem(at: content.appendingPathComponent("strings/nl.json"))
        #expect(
            Guidepost.check(options(content)).errors.map(\.description) == [
                "\(content.path)/strings/nl.json:1:1: error: the language \"nl\" has no UI strings file; create content/strings/nl.json (copy content/strings/fr.json and translate its values)"
            ])
    }

    @Test func aPluralStringLackingACategoryItsLanguageNeedsIsAnErrorNamingIt() throws {
        let content = try copy(Self.languages)
        try edit(content.appendingPathComponent("strings/pl.json")) {
            $0.replacingOccurrences(of: "    \"few\": \"few: {count} [pl]\",\n", with: "")
        }
        #expect(
            Guidepost.check(options(content, strict: false)).errors.map(\.description) == [
                "\(content.path)/strings/pl.json:10:18: error: the UI string \"banner-open\" has no \"few\" form, which \"pl\" needs for some counts (CLDR plural rules); add \"few\": \"…\" to it"
            ])
        // In a draft language it is a warning, and the string uses its "other" form meanwhile.
        try edit(content.appendingPathComponent("site.json")) {
            $0.replacingOccurrences(of: "\"pl\",", with: "{\"code\": \"pl\", \"status\": \"draft\"},")
        }
        let draft = Guidepost.check(options(content))
        #expect(draft.errors == [])
        #expect(
            draft.warnings.contains {
                $0.message
                    == ContentError.missingPluralCategory(SourceLocation(path: ""), key: "banner-open", category: "few", language: "pl")
                    .message
            })
    }

    @Test func aTextFactMissingALanguageFallsBackWithAWarningAndFailsStrictExceptInADraft() throws {
        let content = try copy(Self.languages)
        try edit(content.appendingPathComponent("facts/launch.json")) {
            $0.replacingOccurrences(of: "      \"nl\": \"Launch (Nederlands)\",\n", with: "")
        }
        let missing = ContentError.missingTranslation(
            SourceLocation(path: content.path + "/facts/launch.json", line: 10, column: 13), language: "nl"
        ).diagnostic
        #expect(Guidepost.check(options(content, strict: false)).warnings.contains(missing.asWarning))
        #expect(Guidepost.check(options(content)).errors == [missing])
        let site = try Guidepost.buildInMemory(options(content, strict: false))
        #expect(try #require(text(site, "nl/index.html")).contains("Launch (Français)"))
        try edit(content.appendingPathComponent("site.json")) {
            $0.replacingOccurrences(of: "\"nl\",", with: "{\"code\": \"nl\", \"status\": \"draft\"},")
        }
        let draft = Guidepost.check(options(content))
        #expect(draft.errors == [])
        #expect(draft.warnings.contains(missing.asWarning))
    }

    @Test func rightToLeftLanguagesGetDirRTL() throws {
        let site = try Guidepost.buildInMemory(options(Self.languages))
        #expect(
            try #require(text(site, "ar/index.html")).hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\" data-numbering=\"arab\">"))
        #expect(try #require(text(site, "ja/index.html")).hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"))
        let root = try #require(text(site, "index.html"))
        #expect(root.contains("<li lang=\"ar\" dir=\"rtl\" data-language=\"ar\">"))
        #expect(root.contains("<li lang=\"ja\" data-language=\"ja\">"))
    }
}
