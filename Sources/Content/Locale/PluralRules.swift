/// CLDR plural categories for whole numbers.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

/// The CLDR cardinal plural rule of a language, for whole numbers.
public enum PluralRules {
    /// French treats 0 and 1 as `one` ("0 jour", "1 jour"); Dutch, English and German only 1.
    public static func category(for count: Int, language: String) -> PluralCategory {
        switch language {
        case "fr", "pt":
            return count == 0 || count == 1 ? .one : .other
        default:
            return count == 1 ? .one : .other
        }
    }
}
