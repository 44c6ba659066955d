import Diagnostics

/// All facts of the site, by key, checked for unknown sources.
public struct FactStore: Sendable {
    /// Every fact by dotted key.
    public private(set) var facts: [String: Fact]

    /// Collects facts from several files, reporting duplicate keys and sources that do not exist.
    public init(_ all: [Fact], errors: inout DiagnosticCollector) {
        var facts: [String: Fact] = [:]
        for fact in all {
            if let first = facts[fact.key] {
                errors.append(ContentError.duplicateFact(fact.location, key: fact.key, first: first.location))
            } else {
                facts[fact.key] = fact
            }
        }
        for fact in facts.values.sorted(by: { $0.location < $1.location }) {
            for (id, location) in zip(fact.sources, fact.sourceLocations) {
                guard let source = facts[id] else {
                    errors.append(ContentError.unknownFact(location, key: id))
                    continue
                }
                if case .source = source.value {
                } else {
                    errors.append(ContentError.factTypeMismatch(location, key: id, expected: "a source", actual: source.value.typeName))
                }
            }
        }
        self.facts = facts
    }

    /// Gives each `text` fact written without some languages the `source` language's text, returning one
    /// warning per missing language; a text without the source language itself is an error.
    public mutating func fillMissingTexts(from source: String, errors: inout DiagnosticCollector) -> [ContentError] {
        var warnings: [ContentError] = []
        for key in facts.keys.sorted() {
            guard var fact = facts[key], case .text(var text) = fact.value, !text.missing.isEmpty else { continue }
            let location = text.location ?? fact.location
            guard let original = text.values[source] else {
                errors.append(ContentError.missingTranslation(location, language: source))
                continue
            }
            for language in text.missing {
                warnings.append(ContentError.missingTranslation(location, language: language))
                text.values[language] = original
            }
            text.missing = []
            fact.value = .text(text)
            facts[key] = fact
        }
        return warnings
    }

    /// The fact with `key`.
    public subscript(key: String) -> Fact? { facts[key] }

    /// The text a placeholder prints for `key` in `language`, or the reason it cannot.
    public func expansion(
        of key: String, in locale: LanguageLocale, destination: Bool,
        at location: @autoclosure () -> SourceLocation
    ) -> Result<String, ContentError> {
        guard let fact = facts[key] else { return .failure(ContentError.unknownFact(location(), key: key)) }
        if destination {
            guard case .url(let url) = fact.value else {
                return .failure(
                    ContentError.factTypeMismatch(
                        location(), key: key, expected: "a URL (in a link destination)", actual: fact.value.typeName))
            }
            return .success(url)
        }
        switch fact.value {
        case .string(let text), .url(let text): return .success(text)
        case .number(let value, let text): return .success(locale.formats.format(number: value, text: text))
        case .date(let date): return .success(locale.formats.format(date))
        case .instant(let instant): return .success(locale.formats.format(instant))
        case .text(let localized): return .success(localized.text(in: locale.language))
        case .source:
            return .failure(
                ContentError.factTypeMismatch(
                    location(), key: key, expected: "a printable value (not a source; sources are listed automatically)", actual: "a source"
                ))
        }
    }

    /// The source facts behind `keys` (and the facts themselves when they are sources), each once, in key order.
    public func sources(for keys: Set<String>) -> [(key: String, source: Source)] {
        // Gathered in a list, sorted, then each key kept once (a key names one fact, so repeats are equal):
        // cheaper than a dictionary of sources made and sorted for every page.
        var found: [(key: String, source: Source)] = []
        for key in keys {
            guard let fact = facts[key] else { continue }
            if case .source(let source) = fact.value { found.append((key, source)) }
            for id in fact.sources {
                if let backing = facts[id], case .source(let source) = backing.value { found.append((id, source)) }
            }
        }
        found.sort { $0.key < $1.key }
        var unique: [(key: String, source: Source)] = []
        unique.reserveCapacity(found.count)
        for entry in found where unique.last?.key != entry.key { unique.append(entry) }
        return unique
    }

    /// Every source fact, in key order.
    public var allSources: [(key: String, source: Source)] {
        facts.compactMap { key, fact -> (key: String, source: Source)? in
            if case .source(let source) = fact.value { return (key: key, source: source) }
            return nil
        }.sorted { $0.key < $1.key }
    }
}
