import Diagnostics

/// A JSON value that remembers where it was written, so errors can point at it.
public struct JSON: Sendable, Equatable {
    /// The value.
    public var value: JSONValue
    /// Where the value starts.
    public var position: TextPosition

    /// Creates a located value.
    public init(_ value: JSONValue, at position: TextPosition) {
        self.value = value
        self.position = position
    }

    /// A short English name of the value's type, for error messages.
    public var typeName: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }
}

/// The kinds of JSON value. Objects keep their members in written order.
public indirect enum JSONValue: Sendable, Equatable {
    /// `{…}`
    case object([JSONMember])
    /// `[…]`
    case array([JSON])
    /// `"…"`
    case string(String)
    /// A number, with its text as written.
    case number(Double, text: String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
}

/// One `"key": value` pair of an object.
public struct JSONMember: Sendable, Equatable {
    /// The key.
    public var key: String
    /// Where the key starts.
    public var keyPosition: TextPosition
    /// The value.
    public var value: JSON

    /// Creates a member.
    public init(key: String, keyPosition: TextPosition, value: JSON) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A JSON syntax error and where it is.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    /// Where the parser stopped.
    public var position: TextPosition
    /// What it expected or found.
    public var detail: String
    /// True when the JSON is well-formed but a value cannot be used (a control character, a number out of range).
    public var isValueError: Bool

    /// Creates an error.
    public init(position: TextPosition, detail: String, isValueError: Bool = false) {
        self.position = position
        self.detail = detail
        self.isValueError = isValueError
    }

    /// The build error for this problem in `file`.
    public func buildError(in file: SourceText) -> ContentError {
        isValueError
            ? ContentError.invalidJSONValue(file.location(position), detail: detail)
            : ContentError.malformedJSON(file.location(position), detail: detail)
    }
}
