import Diagnostics

/// A text written once per language: `{"fr": "…", "nl": "…", "en": "…"}`.
public struct LocalizedText: Hashable, Sendable {
    /// Language code → text.
    public var values: [String: String]
    /// Languages the text was written without (only when read with `allowMissing`), to be filled from the source language.
    public var missing: [String] = []
    /// Where the text is, for warnings about the missing languages.
    public var location: SourceLocation?

    /// Creates a localized text.
    public init(_ values: [String: String]) { self.values = values }

    /// The text in `language`, falling back to any language when missing.
    public func text(in language: String) -> String {
        values[language] ?? values.keys.sorted().first.flatMap { values[$0] } ?? ""
    }

    /// Reads `json`, requiring a string for each of `languages` and no other key.
    /// With `allowMissing`, a text that lacks some languages (but not all) is kept and lists them in `missing`.
    static func read(
        _ json: JSON, in file: SourceText, field: String, languages: [String], allowMissing: Bool = false,
        errors: inout DiagnosticCollector
    ) -> LocalizedText? {
        guard case .object(let members) = json.value else {
            errors.append(
                ContentError.wrongType(
                    file.location(json.position), field: field,
                    expected: "a localized text {\(languages.map { "\"\($0)\": \"…\"" }.joined(separator: ", "))}"))
            return nil
        }
        var values: [String: String] = [:]
        var ok = true
        for member in members {
            guard languages.contains(member.key) else {
                let location = file.location(member.keyPosition)
                errors.append(
                    SiteConfig.isLanguageCode(member.key)
                        ? ContentError.unknownLanguage(location, code: member.key)
                        : ContentError.malformedLanguageCode(location, code: member.key))
                ok = false
                continue
            }
            guard case .string(let text) = member.value.value else {
                errors.append(
                    ContentError.wrongType(
                        file.location(member.value.position), field: "\(field).\(member.key)", expected: "a string in double quotes")
                )
                ok = false
                continue
            }
            values[member.key] = text
        }
        if allowMissing, ok, !values.isEmpty {
            var text = LocalizedText(values)
            text.missing = languages.filter { values[$0] == nil }
            text.location = file.location(json.position)
            return text
        }
        for language in languages where values[language] == nil && ok {
            errors.append(ContentError.missingTranslation(file.location(json.position), language: language))
            ok = false
        }
        return ok ? LocalizedText(values) : nil
    }
}
