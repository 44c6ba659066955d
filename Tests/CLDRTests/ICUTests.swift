import CLDR
import XCTest

/// ICU answers with CLDR data: known locales, direction, quotation marks and plural keywords.
final class ICUTests: XCTestCase {
    func testKnowsCLDRLocalesAndRejectsInventedOnes() {
        for id in ["fr_BE", "nl_BE", "en_GB", "de_BE", "pl_PL", "ar_EG", "ja_JP", "cy", "ru", "pt_BR", "pt-BR", "pt-br"] {
            XCTAssertTrue(ICU.knows(id), id)
        }
        for id in ["xx", "fr_XX", "klingon", ""] { XCTAssertFalse(ICU.knows(id), id) }
        XCTAssertEqual(ICU.identifier("pt-br"), "pt_BR")
    }

    func testDirection() {
        XCTAssertTrue(ICU.isRightToLeft("ar_EG"))
        XCTAssertTrue(ICU.isRightToLeft("he"))
        XCTAssertFalse(ICU.isRightToLeft("fr_BE"))
        XCTAssertFalse(ICU.isRightToLeft("ja_JP"))
    }

    func testQuotationMarks() {
        XCTAssertEqual(ICU.quotationMarks("de").open + ICU.quotationMarks("de").close, "„“")
        XCTAssertEqual(ICU.quotationMarks("fr").open + ICU.quotationMarks("fr").close, "«»")
        XCTAssertEqual(ICU.quotationMarks("en").open + ICU.quotationMarks("en").close, "“”")
        XCTAssertEqual(ICU.quotationMarks("pl").open + ICU.quotationMarks("pl").close, "„”")
        XCTAssertEqual(ICU.quotationMarks("ja").open + ICU.quotationMarks("ja").close, "「」")
    }

    func testPluralKeywords() throws {
        let polish = try XCTUnwrap(PluralRuleSet(identifier: "pl_PL"))
        XCTAssertEqual([1, 2, 5, 22, 101, 0].map(polish.keyword), ["one", "few", "many", "few", "many", "many"])
        XCTAssertEqual(polish.wholeNumberKeywords, ["one", "few", "many"])
        let arabic = try XCTUnwrap(PluralRuleSet(identifier: "ar_EG"))
        XCTAssertEqual([0, 1, 2, 5, 22, 101, 100].map(arabic.keyword), ["zero", "one", "two", "few", "many", "other", "other"])
        let welsh = try XCTUnwrap(PluralRuleSet(identifier: "cy"))
        XCTAssertEqual([0, 1, 2, 3, 6, 4].map(welsh.keyword), ["zero", "one", "two", "few", "many", "other"])
        let french = try XCTUnwrap(PluralRuleSet(identifier: "fr_BE"))
        XCTAssertEqual([0, 1, 2, 1_000_000].map(french.keyword), ["one", "one", "other", "many"])
        XCTAssertEqual(french.wholeNumberKeywords, ["one", "other"])
    }

    /// English stops looking at counts once it has seen `one` and `other`: later counts are still answered.
    func testPluralKeywordsOfCountsNotLookedAtWhenOpening() throws {
        let english = try XCTUnwrap(PluralRuleSet(identifier: "en"))
        XCTAssertEqual(english.wholeNumberKeywords, ["one", "other"])
        XCTAssertEqual(
            [0, 1, 2, 21, 9_999, 10_000, 1_000_001].map(english.keyword), ["other", "one", "other", "other", "other", "other", "other"])
        let dutch = try XCTUnwrap(PluralRuleSet(identifier: "nl_BE"))
        XCTAssertEqual(dutch.wholeNumberKeywords, ["one", "other"])
        XCTAssertEqual([1, 11, 101].map(dutch.keyword), ["one", "other", "other"])
        let root = try XCTUnwrap(PluralRuleSet(identifier: "root"))
        XCTAssertEqual(root.wholeNumberKeywords, ["other"])
        XCTAssertEqual([0, 1, 5_000].map(root.keyword), ["other", "other", "other"])
        let russian = try XCTUnwrap(PluralRuleSet(identifier: "ru"))
        XCTAssertEqual(russian.wholeNumberKeywords, ["one", "few", "many"])
        XCTAssertEqual([1, 3, 5, 11, 21, 9_999].map(russian.keyword), ["one", "few", "many", "many", "one", "many"])
    }
}
