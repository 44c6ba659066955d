import Content
import Diagnostics
import Foundation
import Testing

@Suite struct FactTests {
    let languages = ["fr", "nl", "en"]

    func parse(_ text: String) -> ([Fact], [Diagnostic]) {
        var errors = DiagnosticCollector()
        let facts = FactFile.parse(
            SourceText(path: "facts/meta.json", text: text), namespace: "meta", languages: languages, errors: &errors)
        return (facts, errors.diagnostics)
    }

    func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(path: "facts/meta.json", line: line, column: column) }

    @Test func readsEveryKind() throws {
        let (facts, errors) = parse(
            """
            {
              "name": "Meta",
              "count": 11,
              "form": {"url": "https://example.com/f", "sources": ["meta.src"], "verified": "2025-06-01"},
              "start": {"date": "2025-05-27"},
              "deadline": {"instant": "2025-05-27T00:00", "timeZone": "Europe/Brussels"},
              "label": {"text": {"fr": "Bonjour", "nl": "Hallo", "en": "Hello"}},
              "src": {"source": {"publisher": "RTBF", "title": "T", "date": "2025-04-15", "url": "https://rtbf.be/x", "language": "fr"}}
            }
            """)
        #expect(errors.isEmpty)
        var problems = DiagnosticCollector()
        let store = FactStore(facts, errors: &problems)
        #expect(problems.isEmpty)
        #expect(store["meta.name"]?.value == .string("Meta"))
        #expect(store["meta.form"]?.sources == ["meta.src"])
        #expect(store["meta.form"]?.verified == CalendarDate(year: 2025, month: 6, day: 1))
        guard case .instant(let deadline)? = store["meta.deadline"]?.value else {
            Issue.record("no instant")
            return
        }
        #expect(deadline.rfc3339 == "2025-05-27T00:00:00+02:00")
        let location = SourceLocation(path: "x.md")
        #expect(try store.expansion(of: "meta.deadline", in: locale("fr"), destination: false, at: location).get() == "27 mai 2025")
        #expect(try store.expansion(of: "meta.deadline", in: locale("nl"), destination: false, at: location).get() == "27 mei 2025")
        #expect(try store.expansion(of: "meta.deadline", in: locale("en"), destination: false, at: location).get() == "27 May 2025")
        #expect(try store.expansion(of: "meta.label", in: locale("nl"), destination: false, at: location).get() == "Hallo")
        #expect(try store.expansion(of: "meta.form", in: locale("en"), destination: true, at: location).get() == "https://example.com/f")
        #expect(store.sources(for: ["meta.form"]).map(\.key) == ["meta.src"])
        // A source named directly and through a fact that cites it is listed once; unknown keys and facts
        // that are not sources add nothing.
        #expect(store.sources(for: ["meta.form", "meta.src", "meta.name", "meta.nothing"]).map(\.key) == ["meta.src"])
        #expect(store.sources(for: ["meta.form", "meta.src"]).map(\.source.publisher) == ["RTBF"])
        #expect(store.sources(for: []).isEmpty)
    }

    @Test func expansionErrors() {
        var problems = DiagnosticCollector()
        let store = FactStore(
            parse(
                "{\"name\": \"Meta\", \"s\": {\"source\": {\"publisher\": \"p\", \"title\": \"t\", \"url\": \"https://a.b\", \"language\": \"fr\"}}}"
            ).0, errors: &problems)
        let location = SourceLocation(path: "fr/a.md", line: 4, column: 2)
        #expect(
            store.expansion(of: "meta.nope", in: locale("fr"), destination: false, at: location)
                == .failure(.unknownFact(location, key: "meta.nope")))
        #expect(
            store.expansion(of: "meta.name", in: locale("fr"), destination: true, at: location)
                == .failure(.factTypeMismatch(location, key: "meta.name", expected: "a URL (in a link destination)", actual: "a string")))
        #expect(
            store.expansion(of: "meta.s", in: locale("fr"), destination: false, at: location)
                == .failure(
                    .factTypeMismatch(
                        location, key: "meta.s", expected: "a printable value (not a source; sources are listed automatically)",
                        actual: "a source")))
    }

    @Test func typeDateZoneAndSourceErrors() {
        let (_, errors) = parse(
            """
            {
              "a": {"date": "2025-13-01"},
              "b": {"instant": "2025-05-27T00:00", "timeZone": "Europe/Bruxelles"},
              "c": {"instant": "2025-05-27T25:00", "timeZone": "Europe/Brussels"},
              "d": {"url": "example.com"},
              "e": {"text": {"fr": "x", "en": "y"}},
              "f": {"instant": "2025-05-27T00:00"},
              "g": true,
              "h": {"note": "nothing"}
            }
            """)
        #expect(
            errors == [
                .invalidDate(at(2, 17), value: "2025-13-01"),
                .unknownTimeZone(at(3, 52), name: "Europe/Bruxelles"),
                .invalidDate(at(4, 20), value: "2025-05-27T25:00"),
                .wrongType(at(5, 16), field: "url", expected: "an absolute URL starting with https:// or http://"),
                .missingField(at(7, 8), field: "timeZone"),
                .wrongType(at(8, 8), field: "meta.g", expected: "a string, a number or a fact object {\"url\": …}"),
                .missingField(at(9, 8), field: "exactly one of string, number, url, date, instant, text, source"),
            ])
    }

    @Test func sourceDatesCopiesAndTitleNotes() {
        let (facts, errors) = parse(
            """
            {
              "a": {"source": {"publisher": "P", "title": "T", "month": "2025-05", "url": "https://a.example/x", "via": "https://b.example/x", "titleFromURL": true, "language": "de"}},
              "b": {"source": {"publisher": "P", "title": "T", "undated": true, "date": "2025-05-01", "language": "fr"}},
              "c": {"source": {"publisher": "P", "title": "T", "month": "2025-5", "via": "b.example", "language": "fr"}}
            }
            """)
        guard case .source(let source)? = facts.first?.value else {
            Issue.record("no source")
            return
        }
        #expect(source.month == CalendarDate(year: 2025, month: 5, day: 1))
        #expect(source.via == "https://b.example/x")
        #expect(source.titleFromURL && !source.undated && source.date == nil)
        #expect(
            errors == [
                .wrongType(at(3, 77), field: "date", expected: "absent when \"undated\" is true (the source shows no date)"),
                .wrongType(at(4, 61), field: "month", expected: "a month written YYYY-MM, e.g. \"2025-05\""),
                .wrongType(at(4, 78), field: "via", expected: "an absolute URL starting with https:// or http://"),
            ])
    }

    @Test func textsMissingALanguageBorrowTheSourceWithAWarning() throws {
        let (facts, errors) = parse("{\n\"e\": {\"text\": {\"fr\": \"x\", \"en\": \"y\"}},\n\"f\": {\"text\": {\"en\": \"z\"}}}")
        #expect(errors.isEmpty)
        var problems = DiagnosticCollector()
        var store = FactStore(facts, errors: &problems)
        let warnings = store.fillMissingTexts(from: "fr", errors: &problems)
        let at = { (line: Int, column: Int) in SourceLocation(path: "facts/meta.json", line: line, column: column) }
        #expect(warnings == [.missingTranslation(at(2, 15), language: "nl")])
        #expect(problems == [.missingTranslation(at(3, 15), language: "fr")])
        #expect(try store.expansion(of: "meta.e", in: locale("nl"), destination: false, at: at(1, 1)).get() == "x")
    }

    @Test func unknownSourcesAndDuplicates() {
        var errors = DiagnosticCollector()
        let facts = parse("{\"a\": {\"string\": \"x\", \"sources\": [\"meta.b\", \"meta.zzz\"]}, \"b\": \"plain\"}").0
        _ = FactStore(facts + facts.prefix(1), errors: &errors)
        #expect(
            errors == [
                .duplicateFact(at(1, 7), key: "meta.a", first: at(1, 7)),
                .factTypeMismatch(at(1, 35), key: "meta.b", expected: "a source", actual: "a string"),
                .unknownFact(at(1, 45), key: "meta.zzz"),
            ])
    }
}

/// The CLDR data of `language` in the locale the tests use (`fr_BE`, `nl_BE`, `en_GB`).
func locale(_ language: String) -> LanguageLocale {
    LanguageLocale.make(language: language, locale: ["fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"][language] ?? language)!
}
