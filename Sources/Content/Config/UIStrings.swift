import Foundation
import Diagnostics

/// One language's UI strings from `content/strings/<lang>.json`.
///
/// A value is a string, or an object of CLDR plural forms (`one`, `other`, …) whose text may hold `{count}`.
public struct UIStrings: Sendable {
    /// The language.
    public var language: String
    /// Plain strings by key.
    public var strings: [String: String]
    /// Plural forms by key, then category.
    public var plurals: [String: [PluralCategory: String]]
    /// Where each key is defined.
    public var locations: [String: SourceLocation]
    /// The file's location, for errors about a missing key.
    public var fileLocation: SourceLocation

    /// Reads one strings file.
    public static func parse(_ file: SourceText, language: String) -> Result<UIStrings, BuildFailure> {
        var errors: [BuildError] = []
        let json: JSON
        do { json = try JSONParser.parse(file.text) } catch {
            return .failure(BuildFailure([error.buildError(in: file)]))
        }
        guard let reader = ObjectReader(json, in: file, field: "strings", known: [], errors: &errors) else {
            return .failure(BuildFailure(errors))
        }
        errors += reader.errors
        var result = UIStrings(language: language, strings: [:], plurals: [:], locations: [:], fileLocation: reader.location)
        for member in reader.allMembers {
            result.locations[member.key] = file.location(member.keyPosition)
            switch member.value.value {
            case .string(let text):
                result.strings[member.key] = text
            case .object(let forms):
                var table: [PluralCategory: String] = [:]
                for form in forms {
                    guard let category = PluralCategory(rawValue: form.key) else {
                        errors.append(.unknownField(file.location(form.keyPosition), field: form.key, known: PluralCategory.allCases.map(\.rawValue)))
                        continue
                    }
                    guard case .string(let text) = form.value.value else {
                        errors.append(.wrongType(file.location(form.value.position), field: "\(member.key).\(form.key)", expected: "a string in double quotes"))
                        continue
                    }
                    table[category] = text
                }
                if table[.other] == nil { errors.append(.missingField(file.location(member.value.position), field: "other")) }
                result.plurals[member.key] = table
            default:
                errors.append(.wrongType(file.location(member.value.position), field: member.key, expected: "a string, or plural forms {\"one\": …, \"other\": …}"))
            }
        }
        return errors.isEmpty ? .success(result) : .failure(BuildFailure(errors))
    }

    /// Every key, plain and plural.
    public var keys: Set<String> { Set(strings.keys).union(plurals.keys) }

    /// The plain string for `key`, or the `other` plural form, or the key itself.
    public subscript(key: String) -> String {
        strings[key] ?? plurals[key]?[.other] ?? key
    }

    /// The plural form of `key` for `count`, with `{count}` filled in.
    public func plural(_ key: String, count: Int) -> String {
        let forms = plurals[key] ?? [:]
        let category = PluralRules.category(for: count, language: language)
        let template = forms[category] ?? forms[.other] ?? strings[key] ?? key
        return template.replacingOccurrences(of: "{count}", with: String(count))
    }
}
