import Content
import Diagnostics
import Foundation
import Testing

@Suite struct LocaleTests {
    @Test func datesInEachLanguage() {
        let date = CalendarDate(year: 2025, month: 5, day: 27)!
        #expect(locale("fr").formats.format(date) == "27 mai 2025")
        #expect(locale("nl").formats.format(date) == "27 mei 2025")
        #expect(locale("en").formats.format(date) == "27 May 2025")
        #expect(locale("fr").formats.format(CalendarDate(year: 2025, month: 6, day: 1)!) == "1er juin 2025")
        #expect(locale("fr").formats.format(CalendarDate(year: 2025, month: 6, day: 2)!) == "2 juin 2025")
        let cldr = { (language: String, id: String) in LanguageLocale.make(language: language, locale: id)!.formats.format(date) }
        #expect(cldr("de", "de_BE") == "27. Mai 2025")
        #expect(cldr("pl", "pl_PL") == "27 maja 2025")
        #expect(cldr("ja", "ja_JP") == "2025年5月27日")
        #expect(cldr("ar", "ar_EG") == "٢٧ مايو، ٢٠٢٥")
    }

    @Test func timesOnTheInstantsWallClock() {
        let instant = Instant(local: "2025-05-01T14:05", timeZone: "Europe/Brussels")!
        #expect(locale("fr").formats.format(instant) == "1er mai 2025 à 14:05")
        #expect(locale("nl").formats.format(instant) == "1 mei 2025 om 14:05")
        #expect(locale("en").formats.format(instant) == "1 May 2025 at 14:05")
        #expect(locale("fr").formats.format(Instant(local: "2025-05-27T00:00", timeZone: "Europe/Brussels")!) == "27 mai 2025")
    }

    @Test func numbersWithTheLocalesSeparators() {
        #expect(locale("fr").formats.format(number: 1234567.5, text: "1234567.5") == "1\u{202F}234\u{202F}567,5")
        #expect(locale("nl").formats.format(number: 1234.5, text: "1234.50") == "1.234,50")
        #expect(locale("en").formats.format(number: 18, text: "18") == "18")
        #expect(LanguageLocale.make(language: "ar", locale: "ar_EG")!.formats.format(number: 1234.5, text: "1234.5") == "١٬٢٣٤٫٥")
    }

    @Test func unknownLocalesAreRefused() {
        #expect(LanguageLocale.make(language: "xx", locale: "xx") == nil)
        #expect(LanguageLocale.make(language: "fr", locale: "fr_XX") == nil)
        #expect(LanguageLocale.make(language: "pt-br", locale: "pt-br")?.identifier == "pt_BR")
    }

    @Test func calendarDatesRejectImpossibleDays() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2025-5-1") == nil)
        #expect(CalendarDate(daysSinceEpoch: CalendarDate(iso: "2025-12-31")!.daysSinceEpoch + 1) == CalendarDate(iso: "2026-01-01"))
    }

    @Test func cldrPlurals() {
        #expect(locale("fr").plurals.category(for: 0) == .one)
        #expect(locale("fr").plurals.category(for: 1) == .one)
        #expect(locale("fr").plurals.category(for: 2) == .other)
        #expect(locale("nl").plurals.category(for: 0) == .other)
        #expect(locale("nl").plurals.category(for: 1) == .one)
        #expect(locale("en").plurals.category(for: 0) == .other)
        #expect(locale("en").plurals.category(for: 1) == .one)
        let polish = LanguageLocale.make(language: "pl", locale: "pl_PL")!.plurals
        #expect([1, 2, 5, 22, 101].map(polish.category) == [.one, .few, .many, .few, .many])
        #expect(polish.neededCategories == [.one, .few, .many])
        #expect(LanguageLocale.make(language: "ar", locale: "ar_EG")!.plurals.neededCategories == [.zero, .one, .two, .few, .many, .other])
    }

    @Test func pluralStringsNeedEveryCategoryOfTheirLanguage() throws {
        let polish = LanguageLocale.make(language: "pl", locale: "pl_PL")!.plurals
        let file = SourceText(path: "strings/pl.json", text: "{\n\"days\": {\"one\": \"{count} dzień\", \"other\": \"{count} dnia\"}}")
        let strings = try UIStrings.parse(file, language: "pl", rules: polish).get()
        #expect(
            strings.pluralGaps == [
                .missingPluralCategory(
                    SourceLocation(path: "strings/pl.json", line: 2, column: 9), key: "days", category: "few", language: "pl"),
                .missingPluralCategory(
                    SourceLocation(path: "strings/pl.json", line: 2, column: 9), key: "days", category: "many", language: "pl"),
            ])
        #expect(
            strings.pluralGaps[0].message
                == "the UI string \"days\" has no \"few\" form, which \"pl\" needs for some counts (CLDR plural rules); add \"few\": \"…\" to it"
        )
        let full = SourceText(
            path: "strings/pl.json",
            text:
                "{\"days\": {\"one\": \"{count} dzień\", \"few\": \"{count} dni\", \"many\": \"{count} dni!\", \"other\": \"{count} dnia\"}}"
        )
        let complete = try UIStrings.parse(full, language: "pl", rules: polish).get()
        #expect(complete.pluralGaps.isEmpty)
        #expect([1, 2, 5, 22, 101].map { complete.plural("days", count: $0) } == ["1 dzień", "2 dni", "5 dni!", "22 dni", "101 dni!"])
    }

    @Test func pluralStringsFillTheCount() throws {
        let file = SourceText(
            path: "strings/fr.json", text: "{\"days\": {\"one\": \"{count} jour\", \"other\": \"{count} jours\"}, \"hi\": \"Salut\"}")
        let strings = try UIStrings.parse(file, language: "fr", rules: locale("fr").plurals).get()
        #expect(strings.plural("days", count: 0) == "0 jour")
        #expect(strings.plural("days", count: 1) == "1 jour")
        #expect(strings.plural("days", count: 3) == "3 jours")
        #expect(strings["hi"] == "Salut")
    }

    /// Copies of a strings table share their fields until one changes (copy on write); a changed copy leaves the original.
    @Test func aChangedCopyOfStringsLeavesTheOriginal() throws {
        let file = SourceText(path: "strings/fr.json", text: "{\"hi\": \"Salut\"}")
        let original = try UIStrings.parse(file, language: "fr").get()
        var copy = original
        copy.strings["hi"] = "Bonjour"
        copy.language = "fr-be"
        #expect(original["hi"] == "Salut" && original.language == "fr")
        #expect(copy["hi"] == "Bonjour" && copy.language == "fr-be")
    }

    @Test func countsUseTheLocalesDigitsAndGrouping() throws {
        let arabic = LanguageLocale.make(language: "ar", locale: "ar_EG")!
        let file = SourceText(
            path: "strings/ar.json",
            text:
                "{\"d\": {\"zero\": \"z {count}\", \"one\": \"o {count}\", \"two\": \"t {count}\", \"few\": \"f {count}\", \"many\": \"{count} يومًا\", \"other\": \"{count} يوم\"}}"
        )
        var strings = try UIStrings.parse(file, language: "ar", rules: arabic.plurals).get()
        strings.numbers = arabic.formats
        #expect(strings.plural("d", count: 22) == "٢٢ يومًا")
        #expect(strings.plural("d", count: 1001) == "١٬٠٠١ يوم")
        var french = try UIStrings.parse(
            SourceText(path: "strings/fr.json", text: "{\"d\": {\"one\": \"{count} jour\", \"other\": \"{count} jours\"}}"),
            language: "fr", rules: locale("fr").plurals
        ).get()
        french.numbers = locale("fr").formats
        #expect(french.plural("d", count: 3) == "3 jours")
        #expect(french.plural("d", count: 1500) == "1\u{202F}500 jours")
    }

    @Test func pluralStringsNeedOther() {
        let file = SourceText(path: "strings/en.json", text: "{\n\"days\": {\"one\": \"1 day\", \"few\": 3}}")
        guard case .failure(let failure) = UIStrings.parse(file, language: "en") else {
            Issue.record("accepted")
            return
        }
        #expect(
            failure.diagnostics == [
                .missingField(SourceLocation(path: "strings/en.json", line: 2, column: 9), field: "other"),
                .wrongType(
                    SourceLocation(path: "strings/en.json", line: 2, column: 33), field: "days.few", expected: "a string in double quotes"),
            ])
    }
}

@Suite struct BabelOracleTests {
    /// Babel's plural category of every count from 0 to 200 in the ten fixture languages, written by Babel 2.17
    /// (Tests/python/test_locales.py checks that the file is still exactly what Babel computes).
    @Test func pluralCategoriesMatchBabel() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/languages/babel-plurals.json"))
        let table = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String]])
        let locales = [
            "fr": "fr_BE", "nl": "nl_BE", "en": "en_GB", "de": "de_BE", "pl": "pl_PL", "ar": "ar_EG",
            "ja": "ja_JP", "cy": "cy_GB", "ru": "ru_RU", "pt-br": "pt_BR",
        ]
        #expect(Set(table.keys) == Set(locales.keys))
        for (language, categories) in table {
            let rules = try #require(LanguageLocale.make(language: language, locale: locales[language]!)).plurals
            #expect(categories.count == 201)
            for (count, category) in categories.enumerated() {
                #expect(rules.category(for: count).rawValue == category, "\(language) \(count)")
            }
        }
    }
}

@Suite struct RootLocaleTests {
    @Test func aLanguageWithoutDataGetsCLDRRootNotEnglish() throws {
        var config = try #require(
            try? SiteConfig.parse(
                SourceText(
                    path: "site.json",
                    text: #"{"languages": ["fr"], "sourceLanguage": "fr", "title": {"fr": "T"}, "baseURL": "https://example.org/"}"#)
            ).get())
        #expect(config.locale("fr").identifier == "fr_FR")
        config.localeData = [:]
        #expect(config.locale("zz").identifier == "root")
        #expect(config.locale("zz").plurals.category(for: 1) == .other)
    }
}
