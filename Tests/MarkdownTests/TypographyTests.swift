import Markdown
import Testing

@Suite struct TypographyTests {
    let nnbsp = "\u{202F}"

    @Test func frenchSpacesBeforeHighPunctuationAndInsideGuillemets() {
        #expect(
            Typography.apply("Attention ! Vraiment ? Oui : non ; \"bien\"", language: "fr")
                == "Attention\(nnbsp)! Vraiment\(nnbsp)? Oui\(nnbsp): non\(nnbsp); «\(nnbsp)bien\(nnbsp)»")
        #expect(Typography.apply("Attention!", language: "fr") == "Attention\(nnbsp)!")
        #expect(Typography.apply("« déjà »", language: "fr") == "«\(nnbsp)déjà\(nnbsp)»")
    }

    @Test func frenchLeavesTimesAndURLsAlone() {
        #expect(Typography.apply("10:30 https://x.org/?a=1", language: "fr") == "10:30 https://x.org/?a=1")
    }

    @Test func isIdempotent() {
        let once = Typography.apply("Il dit : \"oui\" !", language: "fr")
        #expect(Typography.apply(once, language: "fr") == once)
    }

    @Test func dutchAndEnglishCurlQuotes() {
        #expect(Typography.apply("It's \"done\" and 'quoted'", language: "en") == "It’s “done” and ‘quoted’")
        #expect(Typography.apply("Zo'n \"test\"", language: "nl") == "Zo’n ‘test’")
        #expect(Typography.apply("Note: yes!", language: "en") == "Note: yes!")
    }

    @Test func quotationMarksFromCLDRForEveryLanguage() {
        #expect(Typography.apply("Er sagte \"ja\"", language: "de") == "Er sagte „ja“")
        #expect(Typography.apply("Powiedział \"tak\"", language: "pl") == "Powiedział „tak”")
        #expect(Typography.apply("彼は\"はい\"と言った", language: "ja") == "彼は「はい」と言った")
        #expect(Typography.apply("Ele disse \"sim\"", language: "pt-br") == "Ele disse “sim”")
        #expect(Typography.apply("Он сказал \"да\"", language: "ru") == "Он сказал «да»")
        let html = MarkdownRenderer.render("Er sagte \"ja\" und `\"nein\"`.", options: MarkdownOptions(language: "de")).html
        #expect(html == "<p>Er sagte „ja“ und <code>&quot;nein&quot;</code>.</p>\n")
    }

    @Test func curlyDoubleQuotesAreReplacedAtEitherEndAndSideBySide() {
        #expect(Typography.apply("\"a\"", language: "de") == "„a“")
        #expect(Typography.apply("\"\"", language: "de") == "„“")
        #expect(Typography.apply("“é” x “ü”", language: "pl") == "„é” x „ü”")
        #expect(Typography.apply("no quotes, déjà", language: "de") == "no quotes, déjà")
    }

    @Test func triggersWorkedOutOnceAgreeWithTheLanguage() {
        for language in ["fr", "fr-be", "nl", "en", "de", "ja"] {
            for text in ["plain", "it's", "a ; b", "« x »", "“x”", "x\u{201D}", "a: b"] {
                #expect(
                    Typography.mayChange(utf8: text.utf8, triggers: Typography.triggers(for: language))
                        == Typography.mayChange(utf8: text.utf8, language: language), "\(language): \(text)")
            }
        }
        #expect(!Typography.mayChange(utf8: "it's".utf8, triggers: nil))
        #expect(Typography.mayChange(utf8: "a ; b".utf8, triggers: Typography.triggers(for: "fr")))
        #expect(!Typography.mayChange(utf8: "a ; b".utf8, triggers: Typography.triggers(for: "nl")))
        #expect(Typography.mayChange(utf8: "“x”".utf8, triggers: Typography.triggers(for: "de")))
        #expect(!Typography.mayChange(utf8: "“x”".utf8, triggers: Typography.triggers(for: "en")))
    }

    @Test func markdownTextGetsTypographyButCodeAndURLsDoNot() {
        let html = MarkdownRenderer.render(
            "Il dit \"oui\" : `a : \"b\"` [lien](https://x.org/?q=1) !\n", options: MarkdownOptions(language: "fr")
        ).html
        #expect(
            html
                == "<p>Il dit «\(nnbsp)oui\(nnbsp)»\(nnbsp): <code>a : &quot;b&quot;</code> <a href=\"https://x.org/?q=1\">lien</a>\(nnbsp)!</p>\n"
        )
    }

    @Test func noLanguageMeansPlainGFM() {
        #expect(MarkdownRenderer.render("\"a\" -- b...\n").html == "<p>&quot;a&quot; -- b...</p>\n")
    }
}
