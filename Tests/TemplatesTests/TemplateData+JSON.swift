import Content
import Templates

extension TemplateData {
    /// The template value of a JSON value (the Mustache spec's data): objects become dictionaries, whole
    /// numbers `.int`, other numbers `.double`.
    init(json: JSONValue) {
        switch json {
        case .object(let members):
            self = .object(Dictionary(members.map { ($0.key, TemplateData(json: $0.value.value)) }, uniquingKeysWith: { _, last in last }))
        case .array(let items):
            self = .list(items.map { TemplateData(json: $0.value) })
        case .string(let text):
            self = .string(text)
        case .number(let value, let text):
            self = Int(text).map(TemplateData.int) ?? .double(value)
        case .bool(let flag):
            self = .bool(flag)
        case .null:
            self = .null
        }
    }
}
