import CLDR

/// CLDR plural categories for whole numbers.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

/// The CLDR cardinal plural rule of a locale, from ICU (never a table of our own).
public struct PluralRules: Sendable {
    private let rules: PluralRuleSet
    /// The categories the locale uses for whole numbers below 10,000: a string shown with a count needs each.
    public let neededCategories: [PluralCategory]

    /// The rules of the ICU locale `identifier` (`pl_PL`), or nil when ICU cannot open them.
    public init?(identifier: String) {
        guard let rules = PluralRuleSet(identifier: identifier) else { return nil }
        self.rules = rules
        self.neededCategories = PluralCategory.allCases.filter { rules.wholeNumberKeywords.contains($0.rawValue) }
    }

    /// The category of `count` ("22 dni" is `few` in Polish, "5 dni" `many`).
    public func category(for count: Int) -> PluralCategory {
        PluralCategory(rawValue: rules.keyword(for: count)) ?? .other
    }
}
