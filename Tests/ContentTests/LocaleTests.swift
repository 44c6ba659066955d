import Content
import Diagnostics
import Foundation
import Testing

@Suite struct LocaleTests {
    @Test func datesInEachLanguage() {
        let date = CalendarDate(year: 2025, month: 5, day: 27)!
        #expect(DateFormatting.format(date, language: "fr") == "27 mai 2025")
        #expect(DateFormatting.format(date, language: "nl") == "27 mei 2025")
        #expect(DateFormatting.format(date, language: "en") == "27 May 2025")
        #expect(DateFormatting.format(CalendarDate(year: 2025, month: 6, day: 1)!, language: "fr") == "1er juin 2025")
    }

    @Test func calendarDatesRejectImpossibleDays() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2025-5-1") == nil)
        #expect(CalendarDate(daysSinceEpoch: CalendarDate(iso: "2025-12-31")!.daysSinceEpoch + 1) == CalendarDate(iso: "2026-01-01"))
    }

    @Test func cldrPlurals() {
        #expect(PluralRules.category(for: 0, language: "fr") == .one)
        #expect(PluralRules.category(for: 1, language: "fr") == .one)
        #expect(PluralRules.category(for: 2, language: "fr") == .other)
        #expect(PluralRules.category(for: 0, language: "nl") == .other)
        #expect(PluralRules.category(for: 1, language: "nl") == .one)
        #expect(PluralRules.category(for: 0, language: "en") == .other)
        #expect(PluralRules.category(for: 1, language: "en") == .one)
    }

    @Test func pluralStringsFillTheCount() throws {
        let file = SourceText(path: "strings/fr.json", text: "{\"days\": {\"one\": \"{count} jour\", \"other\": \"{count} jours\"}, \"hi\": \"Salut\"}")
        let strings = try UIStrings.parse(file, language: "fr").get()
        #expect(strings.plural("days", count: 0) == "0 jour")
        #expect(strings.plural("days", count: 1) == "1 jour")
        #expect(strings.plural("days", count: 3) == "3 jours")
        #expect(strings["hi"] == "Salut")
    }

    @Test func pluralStringsNeedOther() {
        let file = SourceText(path: "strings/en.json", text: "{\n\"days\": {\"one\": \"1 day\", \"few\": 3}}")
        guard case .failure(let failure) = UIStrings.parse(file, language: "en") else { Issue.record("accepted"); return }
        #expect(failure.errors == [
            .missingField(SourceLocation(path: "strings/en.json", line: 2, column: 9), field: "other"),
            .wrongType(SourceLocation(path: "strings/en.json", line: 2, column: 33), field: "days.few", expected: "a string in double quotes"),
        ])
    }
}
