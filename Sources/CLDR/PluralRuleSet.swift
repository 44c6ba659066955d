import Foundation
import _FoundationICU

/// A locale's CLDR cardinal plural rules, through ICU's `uplrules` API.
///
/// ICU's rules object is immutable once opened and `uplrules_select` only reads it, so one instance
/// serves every thread; the answers for the small counts looked at when opening are kept.
public final class PluralRuleSet: @unchecked Sendable {
    /// The ICU locale identifier, e.g. `pl_PL`.
    public let identifier: String
    private let rules: OpaquePointer
    /// The keyword of each count below `cached.count` (the counts `init` looked at).
    private let cached: [String]
    /// The keywords the locale uses for whole numbers below 10,000 (a day count or a checklist's length).
    public let wholeNumberKeywords: Set<String>

    /// Opens the rules of `identifier`, or nil when ICU cannot.
    ///
    /// Counts are looked at from 0 up to 9,999, stopping once every keyword of the locale's rules has been
    /// seen: English or Dutch stop at 1, a locale with a keyword only fractions or large numbers take
    /// (Polish `other`, French `many`) looks at all 10,000.
    public init?(identifier: String) {
        var status = U_ZERO_ERROR
        guard let rules = swift_uplrules_open(identifier, &status), status.rawValue <= 0 else { return nil }
        self.identifier = identifier
        self.rules = rules
        let all = PluralRuleSet.ruleKeywords(rules)
        var seen = Set<String>()
        var keywords: [String] = []
        var count = 0
        func complete() -> Bool { all.map { seen.count >= $0.count && seen.isSuperset(of: $0) } ?? false }
        while count < PluralRuleSet.serialCounts, !complete() {
            let keyword = PluralRuleSet.select(rules, Double(count))
            if keywords.last != keyword { seen.insert(keyword) }
            keywords.append(keyword)
            count += 1
        }
        if count < PluralRuleSet.countLimit, !complete() {
            // A keyword still unseen (French `many`, only for millions) means looking at every count left:
            // spread over all cores. Once every keyword is seen no new one can appear, so the set is the same
            // as a serial scan's; only the cache holds more counts.
            let rest = PluralRuleSet.selectAll(rules, from: count, to: PluralRuleSet.countLimit)
            // Only where the keyword changes: hashing all 9,800 strings into the set cost a third of the init.
            var previous = keywords.last
            for keyword in rest where keyword != previous {
                seen.insert(keyword)
                previous = keyword
            }
            keywords += rest
        }
        self.cached = keywords
        self.wholeNumberKeywords = seen
    }

    /// Counts looked at one after another before the rest is spread over the cores.
    static let serialCounts = 200
    /// Counts below this are looked at when opening (a day count or a checklist's length is smaller).
    static let countLimit = 10_000

    /// The keyword of each count in `start..<end`, in order, computed in chunks side by side (`uplrules_select`
    /// only reads the rules).
    private static func selectAll(_ rules: OpaquePointer, from start: Int, to end: Int) -> [String] {
        let chunks = 8
        let size = (end - start + chunks - 1) / chunks
        var parts = [[String]](repeating: [], count: chunks)
        nonisolated(unsafe) let rules = rules
        parts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let shared = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let low = start + chunk * size
                let high = min(end, low + size)
                guard low < high else { return }
                shared[chunk] = (low..<high).map { select(rules, Double($0)) }
            }
        }
        return parts.flatMap { $0 }
    }

    deinit { swift_uplrules_close(rules) }

    /// The CLDR keyword (`zero`, `one`, `two`, `few`, `many` or `other`) for `count`.
    public func keyword(for count: Int) -> String {
        count >= 0 && count < cached.count ? cached[count] : PluralRuleSet.select(rules, Double(count))
    }

    /// Every keyword the rules of `rules` name (`other` always among them), or nil when ICU cannot list them.
    private static func ruleKeywords(_ rules: OpaquePointer) -> Set<String>? {
        var status = U_ZERO_ERROR
        guard let list = swift_uplrules_getKeywords(rules, &status), status.rawValue <= 0 else { return nil }
        defer { swift_uenum_close(list) }
        var result = Set<String>()
        while true {
            var length: Int32 = 0
            guard let name = swift_uenum_next(list, &length, &status), status.rawValue <= 0 else { break }
            result.insert(String(cString: name))
        }
        return status.rawValue <= 0 ? result : nil
    }

    /// CLDR's keywords with their UTF-16, returned as they are rather than decoded again from ICU's answer:
    /// the init selects 10,000 counts per language, and decoding made that a tenth of a small build.
    private static let keywords: [(text: String, utf16: [UInt16])] = ["zero", "one", "two", "few", "many", "other"].map {
        ($0, Array($0.utf16))
    }

    private static func select(_ rules: OpaquePointer, _ number: Double) -> String {
        withUnsafeTemporaryAllocation(of: UChar.self, capacity: 16) { buffer -> String in
            var status = U_ZERO_ERROR
            let length = swift_uplrules_select(rules, number, buffer.baseAddress!, Int32(buffer.count), &status)
            guard status.rawValue <= 0, length > 0, Int(length) <= buffer.count else { return "other" }
            let units = UnsafeBufferPointer(rebasing: buffer[0..<Int(length)])
            for keyword in keywords where keyword.utf16.count == units.count {
                if keyword.utf16.withUnsafeBufferPointer({ memcmp($0.baseAddress!, units.baseAddress!, 2 * units.count) == 0 }) {
                    return keyword.text
                }
            }
            return String(decoding: units, as: UTF16.self)
        }
    }
}
