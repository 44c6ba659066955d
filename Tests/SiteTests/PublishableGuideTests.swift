import Diagnostics
import Foundation
import Output
import Site
import Testing

/// What makes a guide publishable: per-claim citations, complete sources, honest verification dates,
/// the publisher and its error-report link, and banners that stop offering a past deadline.
@Suite struct PublishableGuideTests {
    static let templates = Fixtures.root.appendingPathComponent("templates").path

    func copyOfBasic() throws -> URL {
        let work = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(
            at: Fixtures.directory.appendingPathComponent("basic/content"), to: work.appendingPathComponent("content"))
        return work.appendingPathComponent("content")
    }

    func options(_ content: URL, now: Date = Fixtures.now, strict: Bool = false) -> BuildOptions {
        var options = BuildOptions(contentDirectory: content.path, templatesDirectory: Self.templates, now: now)
        options.strict = strict
        return options
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    func page(_ files: [OutputFile], _ path: String) throws -> String {
        String(decoding: try #require(files.first { $0.path == path }).bytes, as: UTF8.self)
    }

    /// Appends the same sentence with citations to the steps page in every language (translations must cite alike).
    func cite(_ content: URL, _ markers: String) throws {
        for language in ["fr", "nl", "en"] {
            try edit(content.appendingPathComponent("\(language)/guides/steps.md")) { $0 + "\nA claim \(markers) and more.\n" }
        }
    }

    @Test func citationsAreNumberedLinksToThePagesSourceList() throws {
        let content = try copyOfBasic()
        try cite(content, "{{cite press.weekly-2025}}, another {{cite press.daily-2025 press.weekly-2025}}")
        let html = try page(try Guidepost.buildInMemory(options(content)).files, "en/guides/steps/index.html")
        #expect(
            html.contains(
                "A claim <sup class=\"cite\"><a href=\"#source-press.weekly-2025\">1</a></sup>, another <sup class=\"cite\"><a href=\"#source-press.daily-2025\">2</a>, <a href=\"#source-press.weekly-2025\">1</a></sup> and more."
            ))
        // The list puts cited sources first, in citation order, so each number is the item's place in the <ol>.
        let weekly = try #require(html.range(of: "<li id=\"source-press.weekly-2025\">"))
        let daily = try #require(html.range(of: "<li id=\"source-press.daily-2025\">"))
        #expect(weekly.lowerBound < daily.lowerBound)
    }

    @Test func aCitationOfAnUnknownSourceOrOfAnotherFactIsALocatedError() throws {
        let content = try copyOfBasic()
        try cite(content, "{{cite press.nope}} {{cite demo.code}}")
        #expect(throws: BuildFailure.self) { try Guidepost.buildInMemory(options(content)) }
        let report = Guidepost.check(options(content))
        let fr = content.appendingPathComponent("fr/guides/steps.md").path
        let messages = report.errors.map(\.description).filter { $0.hasPrefix(fr) }
        #expect(
            messages == [
                "\(fr):17:9: error: there is no fact \"press.nope\"; check the spelling or define it in content/facts/",
                "\(fr):17:29: error: the fact \"demo.code\" is a string but a source (in a citation) is needed here; use another fact or change its type",
            ])
    }

    @Test func incompleteSourcesAreWarningsAndStrictErrorsAtTheirFact() throws {
        let content = try copyOfBasic()
        try edit(content.appendingPathComponent("facts/press.json")) { _ in
            """
            {
              "daily-2025": {"source": {"publisher": "The Daily", "title": "[What the article says]", "language": "en"}},
              "weekly-2025": {"source": {"publisher": "Het Weekblad", "title": "Aankondiging", "titleFromURL": true, "undated": true, "url": "https://example.com/weekly", "via": "https://mirror.example/weekly", "language": "nl"}},
              "monthly-2025": {"source": {"publisher": "The Monthly", "title": "May issue", "month": "2025-05", "url": "https://example.com/monthly", "language": "en"}}
            }
            """
        }
        let path = content.appendingPathComponent("facts/press.json").path
        let expected = [
            "\(path):2:17: error: the source \"press.daily-2025\" has a placeholder title in brackets; write its exact title, in its own language",
            "\(path):2:17: error: the source \"press.daily-2025\" has no \"date\"; add its publication date (or \"month\": \"YYYY-MM\" when it gives no day), or \"undated\": true when the source shows none",
            "\(path):2:17: error: the source \"press.daily-2025\" has no \"url\"; add the address where readers can read it (and \"via\" for the copy read, if that was a mirror)",
        ]
        // (The fixture's translations are also reported as stale; only the fact file matters here.)
        #expect(Guidepost.check(options(content, strict: true)).errors.map(\.description).filter { $0.hasPrefix(path) } == expected)
        #expect(
            Guidepost.check(options(content)).warnings.map(\.description).filter { $0.hasPrefix(path) }
                == expected.map { $0.replacingOccurrences(of: ": error: ", with: ": warning: ") })
        #expect(Guidepost.check(options(content)).errors.isEmpty)
        // An undated source says so; a source read in a copy names it.
        let html = try page(try Guidepost.buildInMemory(options(content)).files, "en/index.html")
        #expect(
            html.contains(
                "<cite lang=\"nl\"><a href=\"https://example.com/weekly\" hreflang=\"nl\">Aankondiging</a></cite> <small>(title as given in its address)</small>, Het Weekblad, date not shown <span class=\"source-lang\">(nl)</span> <small class=\"source-via\">(read in a copy at <a href=\"https://mirror.example/weekly\">mirror.example</a>)</small>"
            ))
    }

    @Test func factsVerifiedTooLongAgoAreWarnedAboutEvenWhenStrict() throws {
        let content = try copyOfBasic()
        try edit(content.appendingPathComponent("site.json")) {
            $0.replacingOccurrences(of: "\"deadlineWarningDays\": 7,", with: "\"deadlineWarningDays\": 7, \"verifiedMaxAgeDays\": 180,")
        }
        let path = content.appendingPathComponent("facts/demo.json").path
        let warning =
            "\(path):2:15: warning: the fact \"demo.deadline\" was last verified on 2025-06-01, 184 days ago (more than verifiedMaxAgeDays, 180); check it against its sources again and update \"verified\""
        let late = BuildOptions.parseInstant("2025-12-02T10:00:00Z")!
        let strict = Guidepost.check(options(content, now: late, strict: true))
        #expect(strict.warnings.map(\.description) == [warning])
        #expect(!strict.errors.contains { $0.location.path == path }, "a stale verification never fails the check")
        let sooner = Guidepost.check(options(content, now: BuildOptions.parseInstant("2025-11-28T10:00:00Z")!))
        #expect(!sooner.warnings.contains { $0.location.path == path })
    }

    @Test func thePublisherIsInTheFooterWithAReportLinkNamingThePage() throws {
        let content = try copyOfBasic()
        try edit(content.appendingPathComponent("site.json")) {
            $0.replacingOccurrences(
                of: "\"deadlineWarningDays\": 7,",
                with:
                    "\"deadlineWarningDays\": 7, \"publisher\": {\"name\": \"Example Consumers\", \"url\": \"https://consumers.example/\", \"email\": \"errors@consumers.example\"},"
            )
        }
        for language in ["fr", "nl", "en"] {
            try edit(content.appendingPathComponent("\(language)/guides/steps.md")) {
                $0 + "\nPublished by {{publisher.name}}: [write to us]({{publisher.contact}}).\n"
            }
        }
        let html = try page(try Guidepost.buildInMemory(options(content)).files, "en/guides/steps/index.html")
        #expect(html.contains("Published by Example Consumers: <a href=\"mailto:errors@consumers.example\">write to us</a>."))
        #expect(html.contains("<p>Published by <a href=\"https://consumers.example/\">Example Consumers</a></p>"))
        #expect(
            html.contains(
                "<a class=\"report-error\" href=\"mailto:errors@consumers.example?subject=Error%20on%20https%3A%2F%2Fexample.org%2Fguide%2Fen%2Fguides%2Fsteps%2F\">Report an error on this page</a>"
            ))
    }

    @Test func aPublisherNeedsAWayToBeReached() throws {
        let content = try copyOfBasic()
        try edit(content.appendingPathComponent("site.json")) {
            $0.replacingOccurrences(
                of: "\"deadlineWarningDays\": 7,",
                with: "\"deadlineWarningDays\": 7, \"publisher\": {\"name\": \"X\", \"email\": \"not an address\"},")
        }
        let path = content.appendingPathComponent("site.json").path
        #expect(
            Guidepost.check(options(content)).errors.map(\.description) == [
                "\(path):7:65: error: \"publisher.email\" must be an email address such as \"errors@example.org\"; change its value"
            ])
    }

    @Test func afterTheDeadlineTheBannerLeadsWithWhatStillHelpsAndOffersNoCalendar() throws {
        let content = try copyOfBasic()
        let after = BuildOptions.parseInstant("2025-06-10T10:00:00Z")!
        let files = try Guidepost.buildInMemory(options(content, now: after)).files
        let html = try page(files, "en/guides/steps/index.html")
        #expect(html.contains("data-state=\"passed\""))
        let lead = try #require(html.range(of: "<p class=\"banner-lead\">You can still act for the future.</p>"))
        let title = try #require(html.range(of: "<p class=\"banner-title\">"))
        #expect(lead.lowerBound < title.lowerBound)
        #expect(!html.contains("download>"))
        #expect(!files.contains { $0.path.hasSuffix(".ics") })
        // Before the deadline the reminder is there, and hidden by the script once the day has passed.
        let before = try Guidepost.buildInMemory(options(content)).files
        #expect(
            try page(before, "en/guides/steps/index.html").contains(
                "<p class=\"banner-actions\" data-banner-actions><a href=\"../../../calendar/demo.en.ics\" download>"))
        #expect(before.contains { $0.path == "calendar/demo.en.ics" })
    }

    @Test func theDeadlineCanBeWordedByItsLastDayAndTheBoardInTheSourceLanguage() throws {
        let content = try copyOfBasic()
        try edit(content.appendingPathComponent("strings/fr.json")) {
            $0.replacingOccurrences(
                of: "{\n",
                with: "{\n  \"banner-until\": \"Jusqu’au {date} inclus\",\n  \"translation-status-source\": \"version source\",\n",
                options: [], range: $0.range(of: "{\n"))
        }
        try edit(content.appendingPathComponent("strings/nl.json")) {
            $0.replacingOccurrences(
                of: "{\n", with: "{\n  \"banner-until\": \"Tot en met {date}\",\n  \"translation-status-source\": \"bron\",\n", options: [],
                range: $0.range(of: "{\n"))
        }
        try edit(content.appendingPathComponent("strings/en.json")) {
            $0.replacingOccurrences(
                of: "{\n", with: "{\n  \"banner-until\": \"Until {date} inclusive\",\n  \"translation-status-source\": \"source\",\n",
                options: [], range: $0.range(of: "{\n"))
        }
        let files = try Guidepost.buildInMemory(options(content)).files
        #expect(
            try page(files, "fr/les-guides/etapes/index.html").contains(
                "<p class=\"banner-deadline\">Jusqu’au <time datetime=\"2025-05-26\">26 mai 2025</time> inclus</p>"))
        #expect(
            try page(files, "nl/gidsen/stappen/index.html").contains(
                "<p class=\"banner-deadline\">Tot en met <time datetime=\"2025-05-26\">26 mei 2025</time></p>"))
        #expect(
            try page(files, "translations/index.html").contains("<td class=\"status-source\"><a href=\"../fr/\">version source</a></td>"))
        let calendar = try page(files, "calendar/demo.en.ics")
        #expect(calendar.contains("DESCRIPTION:Until 26 May 2025 inclusive (Europe/Brussels)"))
    }
}
