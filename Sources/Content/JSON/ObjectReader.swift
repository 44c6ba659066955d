import Diagnostics

/// Reads the fields of one JSON object with the contract's types, collecting errors instead of stopping.
public struct ObjectReader {
    /// The file the object is in.
    public let file: SourceText
    /// The object's own position.
    public let position: TextPosition
    private let members: [JSONMember]
    private let known: [String]
    /// Errors found so far.
    public private(set) var errors = DiagnosticCollector()

    /// Reads `json`, which must be an object whose keys are among `known` (empty `known` allows any key).
    public init?(_ json: JSON, in file: SourceText, field: String, known: [String], errors: inout DiagnosticCollector) {
        guard case .object(let members) = json.value else {
            errors.append(ContentError.wrongType(file.location(json.position), field: field, expected: "an object {…}"))
            return nil
        }
        self.file = file
        self.position = json.position
        self.members = members
        self.known = known
        if !known.isEmpty {
            for member in members where !known.contains(member.key) {
                errors.append(ContentError.unknownField(file.location(member.keyPosition), field: member.key, known: known))
            }
        }
        // A written object has a handful of keys: comparing each with the ones before it is cheaper than
        // hashing every key into a set (which showed in profiles: one set per page's front matter).
        if members.count <= 32 {
            for index in members.indices where members[..<index].contains(where: { $0.key == members[index].key }) {
                errors.append(
                    ContentError.malformedJSON(
                        file.location(members[index].keyPosition), detail: "the key \"\(members[index].key)\" appears twice"))
            }
        } else {
            var seen = Set<String>()
            seen.reserveCapacity(members.count)
            for member in members where !seen.insert(member.key).inserted {
                errors.append(
                    ContentError.malformedJSON(file.location(member.keyPosition), detail: "the key \"\(member.key)\" appears twice"))
            }
        }
    }

    /// The location of the object itself.
    public var location: SourceLocation { file.location(position) }

    /// The raw value of `key`, if present.
    public func member(_ key: String) -> JSON? { members.first { $0.key == key }?.value }

    /// All members in written order.
    public var allMembers: [JSONMember] { members }

    /// Records `error`.
    public mutating func report(_ error: some DiagnosticConvertible) { errors.append(error) }

    /// Records every problem `collected` holds (found while reading a nested object).
    public mutating func report(_ collected: DiagnosticCollector) { errors.append(collected) }

    /// A free-form object field (`extra`), kept as written; nil when absent, or with an error naming
    /// `expected` when it is not an object.
    public mutating func object(_ key: String, expected: String) -> JSON? {
        guard let json = member(key) else { return nil }
        guard case .object = json.value else {
            errors.append(ContentError.wrongType(file.location(json.position), field: key, expected: expected))
            return nil
        }
        return json
    }

    /// A string field; nil (with an error if `required`) when absent or not a string.
    public mutating func string(_ key: String, required: Bool = false) -> (String, SourceLocation)? {
        guard let json = member(key) else {
            if required { errors.append(ContentError.missingField(location, field: key)) }
            return nil
        }
        guard case .string(let value) = json.value else {
            errors.append(ContentError.wrongType(file.location(json.position), field: key, expected: "a string in double quotes"))
            return nil
        }
        return (value, file.location(json.position))
    }

    /// A boolean field.
    public mutating func bool(_ key: String) -> Bool? {
        guard let json = member(key) else { return nil }
        guard case .bool(let value) = json.value else {
            errors.append(ContentError.wrongType(file.location(json.position), field: key, expected: "true or false"))
            return nil
        }
        return value
    }

    /// A whole-number field.
    public mutating func integer(_ key: String, required: Bool = false) -> Int? {
        guard let json = member(key) else {
            if required { errors.append(ContentError.missingField(location, field: key)) }
            return nil
        }
        guard case .number(let value, _) = json.value, value == value.rounded(), abs(value) < 1e15 else {
            errors.append(ContentError.wrongType(file.location(json.position), field: key, expected: "a whole number"))
            return nil
        }
        return Int(value)
    }

    /// A list of strings.
    public mutating func strings(_ key: String, required: Bool = false) -> [(String, SourceLocation)]? {
        guard let json = member(key) else {
            if required { errors.append(ContentError.missingField(location, field: key)) }
            return nil
        }
        guard case .array(let items) = json.value else {
            errors.append(ContentError.wrongType(file.location(json.position), field: key, expected: "a list of strings [\"…\"]"))
            return nil
        }
        var result: [(String, SourceLocation)] = []
        for item in items {
            guard case .string(let value) = item.value else {
                errors.append(ContentError.wrongType(file.location(item.position), field: key, expected: "a list of strings [\"…\"]"))
                continue
            }
            result.append((value, file.location(item.position)))
        }
        return result
    }

    /// A calendar date `YYYY-MM-DD`.
    public mutating func date(_ key: String) -> CalendarDate? {
        guard let (text, location) = string(key) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            errors.append(ContentError.invalidDate(location, value: text))
            return nil
        }
        return date
    }

    /// A localized text `{"fr": …, "nl": …}` that must cover every language in `languages`.
    /// With `allowMissing`, languages may be absent (see `LocalizedText.missing`).
    public mutating func localized(_ key: String, languages: [String], required: Bool = false, allowMissing: Bool = false) -> LocalizedText?
    {
        guard let json = member(key) else {
            if required { errors.append(ContentError.missingField(location, field: key)) }
            return nil
        }
        return LocalizedText.read(json, in: file, field: key, languages: languages, allowMissing: allowMissing, errors: &errors)
    }
}
