import Foundation
import _FoundationICU

/// A locale's CLDR cardinal plural rules, through ICU's `uplrules` API.
///
/// ICU's rules object is immutable once opened and `uplrules_select` only reads it, so one instance
/// serves every thread; the answers for small counts are computed once.
public final class PluralRuleSet: @unchecked Sendable {
    /// The ICU locale identifier, e.g. `pl_PL`.
    public let identifier: String
    private let rules: OpaquePointer
    /// The keyword of each count below `cached.count`.
    private let cached: [String]
    /// The keywords the locale uses for whole numbers below 10,000 (a day count or a checklist's length).
    public let wholeNumberKeywords: Set<String>

    /// Opens the rules of `identifier`, or nil when ICU cannot.
    public init?(identifier: String) {
        var status = U_ZERO_ERROR
        guard let rules = swift_uplrules_open(identifier, &status), status.rawValue <= 0 else { return nil }
        self.identifier = identifier
        self.rules = rules
        var keywords: [String] = []
        keywords.reserveCapacity(10_000)
        for count in 0..<10_000 { keywords.append(PluralRuleSet.select(rules, Double(count))) }
        self.cached = keywords
        self.wholeNumberKeywords = Set(keywords)
    }

    deinit { swift_uplrules_close(rules) }

    /// The CLDR keyword (`zero`, `one`, `two`, `few`, `many` or `other`) for `count`.
    public func keyword(for count: Int) -> String {
        count >= 0 && count < cached.count ? cached[count] : PluralRuleSet.select(rules, Double(count))
    }

    private static func select(_ rules: OpaquePointer, _ number: Double) -> String {
        var status = U_ZERO_ERROR
        var buffer = [UChar](repeating: 0, count: 16)
        let length = swift_uplrules_select(rules, number, &buffer, Int32(buffer.count), &status)
        guard status.rawValue <= 0, length > 0 else { return "other" }
        return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
    }
}
