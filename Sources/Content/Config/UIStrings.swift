import Diagnostics
import Foundation

/// One language's UI strings from `content/strings/<lang>.json`.
///
/// A value is a string, or an object of CLDR plural forms (`one`, `other`, …) whose text may hold `{count}`.
public struct UIStrings: Sendable {
    /// The fields, shared between copies until one is changed (copy on write): a page view reads a
    /// language's strings several times per page, and a copy is then one retain, not one per field.
    private final class Storage: SharedStorage, @unchecked Sendable {
        var language: String
        var strings: [String: String]
        var plurals: [String: [PluralCategory: String]]
        var locations: [String: SourceLocation]
        var fileLocation: SourceLocation
        var rules: PluralRules?
        var numbers: DateFormatting?
        var pluralGaps: [ContentError] = []

        init(language: String, fileLocation: SourceLocation, rules: PluralRules?) {
            self.language = language
            self.strings = [:]
            self.plurals = [:]
            self.locations = [:]
            self.fileLocation = fileLocation
            self.rules = rules
        }

        func copy() -> Storage {
            let copy = Storage(language: language, fileLocation: fileLocation, rules: rules)
            copy.strings = strings
            copy.plurals = plurals
            copy.locations = locations
            copy.numbers = numbers
            copy.pluralGaps = pluralGaps
            return copy
        }
    }

    private var storage: Storage

    private init(language: String, fileLocation: SourceLocation, rules: PluralRules?) {
        storage = Storage(language: language, fileLocation: fileLocation, rules: rules)
    }

    /// The storage, copied first if another value shares it (the only way to change a field).
    private var unique: Storage {
        mutating get { Storage.unique(&storage) }
    }

    /// The language.
    public var language: String {
        _read { yield storage.language }
        set { unique.language = newValue }
    }
    /// Plain strings by key.
    public var strings: [String: String] {
        _read { yield storage.strings }
        _modify { yield &unique.strings }
    }
    /// Plural forms by key, then category.
    public var plurals: [String: [PluralCategory: String]] {
        _read { yield storage.plurals }
        _modify { yield &unique.plurals }
    }
    /// Where each key is defined.
    public var locations: [String: SourceLocation] {
        _read { yield storage.locations }
        _modify { yield &unique.locations }
    }
    /// The file's location, for errors about a missing key.
    public var fileLocation: SourceLocation {
        _read { yield storage.fileLocation }
        set { unique.fileLocation = newValue }
    }
    /// The language's CLDR plural rules (nil only in tests of the file format).
    public var rules: PluralRules? {
        _read { yield storage.rules }
        set { unique.rules = newValue }
    }
    /// The language's number format, for `{count}` (Arabic-Indic digits in `ar_EG`, grouping from 1,000 on).
    public var numbers: DateFormatting? {
        _read { yield storage.numbers }
        set { unique.numbers = newValue }
    }
    /// Plural strings lacking a category the language needs, one problem per category.
    public var pluralGaps: [ContentError] {
        _read { yield storage.pluralGaps }
        _modify { yield &unique.pluralGaps }
    }

    /// Reads one strings file; `rules` says which plural categories the language needs.
    public static func parse(_ file: SourceText, language: String, rules: PluralRules? = nil) -> Result<UIStrings, BuildFailure> {
        var errors = DiagnosticCollector()
        let json: JSON
        do { json = try JSONParser.parse(file.text) } catch {
            return .failure(BuildFailure([error.buildError(in: file)]))
        }
        guard let reader = ObjectReader(json, in: file, field: "strings", known: [], errors: &errors) else {
            return .failure(BuildFailure(errors))
        }
        errors += reader.errors
        var result = UIStrings(language: language, fileLocation: reader.location, rules: rules)
        for member in reader.allMembers {
            result.locations[member.key] = file.location(member.keyPosition)
            switch member.value.value {
            case .string(let text):
                result.strings[member.key] = text
            case .object(let forms):
                var table: [PluralCategory: String] = [:]
                for form in forms {
                    guard let category = PluralCategory(rawValue: form.key) else {
                        errors.append(
                            ContentError.unknownField(
                                file.location(form.keyPosition), field: form.key, known: PluralCategory.allCases.map(\.rawValue)))
                        continue
                    }
                    guard case .string(let text) = form.value.value else {
                        errors.append(
                            ContentError.wrongType(
                                file.location(form.value.position), field: "\(member.key).\(form.key)",
                                expected: "a string in double quotes"))
                        continue
                    }
                    table[category] = text
                }
                if table[.other] == nil { errors.append(ContentError.missingField(file.location(member.value.position), field: "other")) }
                for category in rules?.neededCategories ?? [] where category != .other && table[category] == nil {
                    result.pluralGaps.append(
                        ContentError.missingPluralCategory(
                            file.location(member.value.position), key: member.key, category: category.rawValue, language: language))
                }
                result.plurals[member.key] = table
            default:
                errors.append(
                    ContentError.wrongType(
                        file.location(member.value.position), field: member.key,
                        expected: "a string, or plural forms {\"one\": …, \"other\": …}"))
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
        let category = rules?.category(for: count) ?? .other
        let template = forms[category] ?? forms[.other] ?? strings[key] ?? key
        let number = numbers?.format(number: Double(count), text: String(count)) ?? String(count)
        return template.replacingOccurrences(of: "{count}", with: number)
    }

    /// The forms of `key` in CLDR order (zero, one, two, few, many, other), each present category once.
    public func forms(_ key: String) -> [(category: PluralCategory, text: String)] {
        let forms = plurals[key] ?? [:]
        return PluralCategory.allCases.compactMap { category in forms[category].map { (category, $0) } }
    }
}
