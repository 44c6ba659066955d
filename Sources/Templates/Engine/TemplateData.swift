/// A value a template reads: text, a flag, a whole or decimal number, a list, a view model, or nothing.
public enum TemplateData: Sendable {
    /// Text (HTML-escaped by `{{name}}`, written as is by `{{{name}}}`).
    case string(String)
    /// Text as valid UTF-8 bytes (a page's HTML, `HTMLText`): written as `.string` would be, without making a
    /// `String`; sections, transforms and dynamic names read it as that `.string` (`text`).
    case bytes([UInt8])
    /// A flag: sections render once when true.
    case bool(Bool)
    /// A whole number, written in decimal.
    case int(Int)
    /// A decimal number, written in its shortest form (`1.5`, `0.1`; `2.0` as `2`).
    case double(Double)
    /// A list: sections render once per item.
    case list([TemplateData])
    /// A view model whose fields templates read by name.
    case object(any TemplateObject)
    /// No value: falsy, and written as nothing.
    case null

    /// Whether a section renders (`{{#x}}`) rather than its inverse (`{{^x}}`).
    var isTruthy: Bool {
        switch self {
        case .string, .bytes: return true
        case .bool(let flag): return flag
        case .int, .double: return true
        case .list(let items): return !items.isEmpty
        case .object: return true
        case .null: return false
        }
    }

    /// This value with `.bytes` made `.string`, for every use but writing.
    var text: TemplateData {
        guard case .bytes(let bytes) = self else { return self }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    /// `number` as a template writes it: the shortest decimal that reads back as the same number, without
    /// a fraction when it is whole (`1.21`, `1e-07`, `3`).
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }

    /// The value at `path` inside this value (`.null` when there is none).
    func lookup(_ path: TemplatePath) -> TemplateData {
        guard case .object(let object) = self else { return .null }
        return object.lookup(path) ?? .null
    }
}

/// A view model that templates read by field name.
public protocol TemplateObject: Sendable {
    /// The value at `path`, whose first name is one of this object's fields; nil when it is not one.
    func lookup(_ path: TemplatePath) -> TemplateData?
}

/// A dotted name being looked up (`page.t.skip-link`), from its current name on.
public struct TemplatePath: Sendable {
    /// The names and their fields, shared by the path and every `rest` of it (one reference to copy).
    private final class Segments: Sendable {
        let names: [String]
        /// The view-model field each name is, found once here rather than on every lookup.
        let keys: [TemplateFieldKey?]

        init(_ names: [String]) {
            self.names = names
            self.keys = names.map(TemplateFieldKey.init(rawValue:))
        }
    }

    private let segments: Segments
    let index: Int

    init(names: [String]) {
        self.segments = Segments(names)
        self.index = 0
    }

    private init(segments: Segments, index: Int) {
        self.segments = segments
        self.index = index
    }

    /// Every name of the path, from the first.
    var names: [String] { segments.names }
    /// The field this object is asked for.
    public var head: String { segments.names[index] }
    /// `head` as a view model's field, or nil when no view model has a field of that name (a `t` key, an `extra` name).
    public var field: TemplateFieldKey? { segments.keys[index] }
    /// Whether `head` is the last name of the path.
    public var isLast: Bool { index == segments.names.count - 1 }
    /// The path after `head`.
    public var rest: TemplatePath { TemplatePath(segments: segments, index: index + 1) }

    /// `value` when the path ends here; a dotted name cannot go inside text, so else nothing.
    public func resolve(_ value: String) -> TemplateData { isLast ? .string(value) : .null }
    /// `value` when the path ends here, else nothing.
    public func resolve(_ value: String?) -> TemplateData { isLast ? value.map(TemplateData.string) ?? .null : .null }
    /// `html`'s bytes when the path ends here, else nothing.
    public func resolve(_ html: HTMLText) -> TemplateData { isLast ? .bytes(html.bytes) : .null }
    /// `value` when the path ends here, else nothing.
    public func resolve(_ value: Bool) -> TemplateData { isLast ? .bool(value) : .null }
    /// `value` when the path ends here, else nothing.
    public func resolve(_ value: Int) -> TemplateData { isLast ? .int(value) : .null }
    /// `value` when the path ends here, else nothing.
    public func resolve(_ value: Double) -> TemplateData { isLast ? .double(value) : .null }
    /// `value` when the path ends here, else nothing.
    public func resolve(_ value: Int?) -> TemplateData { isLast ? value.map(TemplateData.int) ?? .null : .null }
    /// A list of texts when the path ends here, else nothing.
    public func resolve(_ values: [String]) -> TemplateData { isLast ? .list(values.map(TemplateData.string)) : .null }
    /// A table of texts (`t.key`): the table itself, or the entry named by the next name.
    public func resolve(_ table: [String: String]) -> TemplateData {
        if isLast { return .object(StringTable(entries: table)) }
        let next = rest
        return next.isLast ? table[next.head].map(TemplateData.string) ?? .null : .null
    }
    /// The object itself, or the field named by the next name, without copying the object.
    public func resolve<T: TemplateObject>(_ object: T) -> TemplateData {
        isLast ? .object(object) : object.lookup(rest) ?? .null
    }
    /// The object, if any, or the field named by the next name.
    public func resolve<T: TemplateObject>(_ object: T?) -> TemplateData {
        guard let object else { return .null }
        return resolve(object)
    }
    /// A list of objects when the path ends here, else nothing.
    public func resolve<T: TemplateObject>(_ objects: [T]) -> TemplateData {
        isLast ? .list(objects.map { .object($0) }) : .null
    }
}

/// A table of UI strings as a template object (`{{#page.t}}…{{/page.t}}`).
struct StringTable: TemplateObject {
    let entries: [String: String]

    func lookup(_ path: TemplatePath) -> TemplateData? {
        entries[path.head].map { path.resolve($0) }
    }
}

extension Dictionary: TemplateObject where Key == String, Value == TemplateData {
    /// A dictionary's entries are its fields.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        guard let value = self[path.head] else { return nil }
        return path.isLast ? value : value.lookup(path.rest)
    }
}
