import Diagnostics

/// Checks that make the guide's claims checkable: complete sources, and facts verified recently enough.
public enum FactAudit {
    /// Each source that lacks a URL, has a bracketed placeholder title, or has neither a date nor
    /// `"undated": true`, reported at its fact (errors with `--strict`, otherwise warnings).
    public static func incompleteSources(_ store: FactStore) -> [ContentError] {
        var problems: [ContentError] = []
        for fact in store.facts.values.sorted(by: { $0.location < $1.location }) {
            guard case .source(let source) = fact.value else { continue }
            if source.url == nil {
                problems.append(
                    ContentError.incompleteSource(
                        fact.location, key: fact.key,
                        problem:
                            "has no \"url\"; add the address where readers can read it (and \"via\" for the copy read, if that was a mirror)"
                    ))
            }
            if isPlaceholderTitle(source.title) {
                problems.append(
                    ContentError.incompleteSource(
                        fact.location, key: fact.key,
                        problem: "has a placeholder title in brackets; write its exact title, in its own language"))
            }
            if source.date == nil, source.month == nil, !source.undated {
                problems.append(
                    ContentError.incompleteSource(
                        fact.location, key: fact.key,
                        problem:
                            "has no \"date\"; add its publication date (or \"month\": \"YYYY-MM\" when it gives no day), or \"undated\": true when the source shows none"
                    ))
            }
        }
        return problems
    }

    /// A title that describes a source instead of naming it: `[…]`.
    public static func isPlaceholderTitle(_ title: String) -> Bool {
        let trimmed = title.trimmingSpaces
        return trimmed.hasPrefix("[") && trimmed.hasSuffix("]")
    }

    /// Each fact whose `verified` date is more than `maxAge` days before `today` (always warnings).
    public static func staleVerifications(_ store: FactStore, today: CalendarDate, maxAge: Int) -> [ContentError] {
        store.facts.values.sorted(by: { $0.location < $1.location }).compactMap { fact in
            guard let verified = fact.verified else { return nil }
            let age = today.daysSinceEpoch - verified.daysSinceEpoch
            guard age > maxAge else { return nil }
            return ContentError.staleVerification(fact.location, key: fact.key, verified: verified.description, days: age, limit: maxAge)
        }
    }
}

extension String {
    /// Without leading and trailing spaces.
    fileprivate var trimmingSpaces: Substring {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }
}
