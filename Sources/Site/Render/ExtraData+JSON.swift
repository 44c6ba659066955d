import Content
import Templates

extension ExtraData {
    /// `json` as templates read it.
    static func from(_ json: JSON) -> TemplateData {
        switch json.value {
        case .object(let members):
            var table: [String: TemplateData] = [:]
            for member in members { table[member.key] = from(member.value) }
            return .object(table)
        case .array(let items): return .list(items.map(from))
        case .string(let text): return .string(text)
        case .number(let value, let text):
            if value == value.rounded(), abs(value) < 1e15, !text.contains("."), !text.lowercased().contains("e") {
                return .int(Int(value))
            }
            return .string(text)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        }
    }
}
