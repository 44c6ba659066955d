import Diagnostics

/// Reads one `content/facts/<namespace>.json` file.
///
/// Each member is a fact. A bare string or number is a fact of that type. An object holds exactly one
/// of `string`, `number`, `url`, `date`, `instant` (with `timeZone`), `text` or `source`, and may add
/// `sources` (keys of source facts), `verified` (a date) and `note` (for editors, never printed).
public enum FactFile {
    static let valueKinds = ["string", "number", "url", "date", "instant", "text", "source"]
    static let fields = valueKinds + ["timeZone", "sources", "verified", "note"]
    static let sourceFields = ["publisher", "title", "date", "url", "language", "month", "undated", "via", "titleFromURL"]

    /// The facts of `file`, whose keys are prefixed with `namespace.`.
    /// Every problem goes to `errors`.
    public static func parse(_ file: SourceText, namespace: String, languages: [String], errors: inout DiagnosticCollector) -> [Fact] {
        let json: JSON
        do { json = try JSONParser.parse(file.text) } catch {
            errors.append(error.buildError(in: file))
            return []
        }
        guard let reader = ObjectReader(json, in: file, field: "facts", known: [], errors: &errors) else { return [] }
        errors += reader.errors
        var facts: [Fact] = []
        for member in reader.allMembers {
            let key = "\(namespace).\(member.key)"
            if !FactFile.isKeySegment(member.key) {
                errors.append(
                    ContentError.wrongType(
                        file.location(member.keyPosition), field: member.key, expected: "a key of lowercase letters, digits and hyphens"))
                continue
            }
            if let fact = parseFact(member.value, key: key, file: file, languages: languages, errors: &errors) {
                facts.append(fact)
            }
        }
        return facts
    }

    /// Lowercase letters, digits and hyphens, starting with a letter or digit.
    public static func isKeySegment(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLowercase || first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    private static func parseFact(_ json: JSON, key: String, file: SourceText, languages: [String], errors: inout DiagnosticCollector)
        -> Fact?
    {
        let location = file.location(json.position)
        switch json.value {
        case .string(let text):
            return Fact(key: key, value: .string(text), sources: [], verified: nil, location: location, sourceLocations: [])
        case .number(let value, let text):
            return Fact(key: key, value: .number(value, text: text), sources: [], verified: nil, location: location, sourceLocations: [])
        case .object:
            break
        default:
            errors.append(ContentError.wrongType(location, field: key, expected: "a string, a number or a fact object {\"url\": …}"))
            return nil
        }
        guard var reader = ObjectReader(json, in: file, field: key, known: fields, errors: &errors) else { return nil }
        let kinds = valueKinds.filter { reader.member($0) != nil }
        guard kinds.count == 1, let kind = kinds.first else {
            errors += reader.errors
            errors.append(ContentError.missingField(location, field: "exactly one of \(valueKinds.joined(separator: ", "))"))
            return nil
        }
        let value = readValue(kind, reader: &reader, languages: languages)
        if kind != "instant", reader.member("timeZone") != nil {
            reader.report(
                ContentError.unknownField(
                    file.location(reader.member("timeZone")!.position), field: "timeZone", known: fields.filter { $0 != "timeZone" }))
        }
        let sources = reader.strings("sources") ?? []
        let verified = reader.date("verified")
        _ = reader.string("note")
        errors += reader.errors
        guard let value else { return nil }
        return Fact(
            key: key, value: value, sources: sources.map(\.0), verified: verified, location: location, sourceLocations: sources.map(\.1))
    }

    private static func readValue(_ kind: String, reader: inout ObjectReader, languages: [String]) -> FactValue? {
        switch kind {
        case "string":
            return reader.string("string").map { .string($0.0) }
        case "number":
            guard let json = reader.member("number"), case .number(let value, let text) = json.value else {
                reader.report(
                    ContentError.wrongType(reader.file.location(reader.member("number")!.position), field: "number", expected: "a number"))
                return nil
            }
            return .number(value, text: text)
        case "url":
            guard let (url, location) = reader.string("url") else { return nil }
            guard isAbsoluteURL(url) else {
                reader.report(ContentError.wrongType(location, field: "url", expected: "an absolute URL starting with https:// or http://"))
                return nil
            }
            return .url(url)
        case "date":
            return reader.date("date").map { .date($0) }
        case "instant":
            return readInstant(&reader)
        case "text":
            return reader.localized("text", languages: languages, allowMissing: true).map { .text($0) }
        default:
            return readSource(&reader, languages: languages)
        }
    }

    private static func readInstant(_ reader: inout ObjectReader) -> FactValue? {
        guard let (text, location) = reader.string("instant") else { return nil }
        guard let (zone, zoneLocation) = reader.string("timeZone", required: true) else { return nil }
        guard Instant.isKnownZone(zone), zone.contains("/") || zone == "UTC" else {
            reader.report(ContentError.unknownTimeZone(zoneLocation, name: zone))
            return nil
        }
        switch Instant.parse(local: text, timeZone: zone) {
        case .success(let instant):
            return .instant(instant)
        case .failure(.notADateTime):
            reader.report(ContentError.invalidDate(location, value: text))
        case .failure(.notOneMoment(let reason)):
            reader.report(ContentError.invalidInstant(location, value: text, reason: reason))
        }
        return nil
    }

    private static func readSource(_ reader: inout ObjectReader, languages: [String]) -> FactValue? {
        var errors = DiagnosticCollector()
        guard let json = reader.member("source"),
            var source = ObjectReader(json, in: reader.file, field: "source", known: sourceFields, errors: &errors)
        else {
            reader.report(errors)
            return nil
        }
        let publisher = source.string("publisher", required: true)
        let title = source.string("title", required: true)
        let date = source.date("date")
        let url = source.string("url")
        let language = source.string("language", required: true)
        let undated = source.bool("undated") ?? false
        let titleFromURL = source.bool("titleFromURL") ?? false
        var month: CalendarDate?
        if let (text, location) = source.string("month") {
            month = CalendarDate(iso: text + "-01")
            if month == nil || text.count != 7 {
                month = nil
                source.report(ContentError.wrongType(location, field: "month", expected: "a month written YYYY-MM, e.g. \"2025-05\""))
            }
        }
        let via = source.string("via")
        for (field, value) in [("url", url), ("via", via)] {
            guard let (link, location) = value, !isAbsoluteURL(link) else { continue }
            source.report(ContentError.wrongType(location, field: field, expected: "an absolute URL starting with https:// or http://"))
        }
        if undated, let json = source.member("date") {
            source.report(
                ContentError.wrongType(
                    reader.file.location(json.position), field: "date",
                    expected: "absent when \"undated\" is true (the source shows no date)"))
        }
        if let (code, location) = language, !SiteConfig.isLanguageCode(code) {
            source.report(ContentError.malformedLanguageCode(location, code: code))
        }
        reader.report(errors)
        reader.report(source.errors)
        guard let publisher, let title, let language, source.errors.isEmpty else { return nil }
        return .source(
            Source(
                publisher: publisher.0, title: title.0, date: date, url: url?.0, language: language.0,
                month: month, titleFromURL: titleFromURL, undated: undated, via: via?.0))
    }

    /// `https://…` or `http://…` with a host.
    static func isAbsoluteURL(_ text: String) -> Bool {
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            return !rest.isEmpty && !rest.hasPrefix("/")
                && !text.contains(where: { $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "<" || $0 == ">" })
        }
        return false
    }
}
