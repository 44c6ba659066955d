import CLDR
import Testing

/// The plural keywords of whole numbers: looked at one by one for the first counts, then in chunks side by side.
@Suite struct PluralRuleSetTests {
    /// CLDR's Polish rule for whole numbers, written out: one for 1; few for 2–4 endings except 12–14; many otherwise.
    static func polish(_ n: Int) -> String {
        if n == 1 { return "one" }
        if (2...4).contains(n % 10), !(12...14).contains(n % 100) { return "few" }
        return "many"
    }

    /// Polish needs every count (its `other` is for fractions only), so the chunks cover 200 to 9,999: each count
    /// keeps its own keyword, in order, across every chunk boundary.
    @Test func everyCountKeepsItsKeywordAcrossTheChunks() throws {
        let rules = try #require(PluralRuleSet(identifier: "pl_PL"))
        let wrong = (0..<12_000).filter { rules.keyword(for: $0) != Self.polish($0) }
        #expect(wrong.isEmpty)
        #expect(rules.wholeNumberKeywords == ["one", "few", "many"])
    }

    /// French `many` is for millions only: not a keyword of counts below 10,000, still the keyword of a million.
    @Test func frenchManyIsNotAWholeNumberKeywordBelowTenThousand() throws {
        let rules = try #require(PluralRuleSet(identifier: "fr_BE"))
        #expect(rules.wholeNumberKeywords == ["one", "other"])
        #expect([0, 1, 2, 199, 200, 9_999].map(rules.keyword(for:)) == ["one", "one", "other", "other", "other", "other"])
        #expect(rules.keyword(for: 1_000_000) == "many")
    }

    /// English stops after a few counts: both of its keywords are seen at once.
    @Test func englishStopsEarly() throws {
        let rules = try #require(PluralRuleSet(identifier: "en_GB"))
        #expect(rules.wholeNumberKeywords == ["one", "other"])
        #expect(rules.keyword(for: 1) == "one" && rules.keyword(for: 5_000) == "other")
    }
}
