import Foundation

/// Turns heading text into URL-fragment ids, unique within one document.
public struct Slugger: Sendable {
    private var used = [String: Int](minimumCapacity: 8)
    /// Sets of taken ids kept as they were given, looked at only when a slug is checked (no copy per page).
    private var takenSets: [Set<String>] = []
    /// Numbered ids taken as a range: `prefix` and `prefix-1` to `prefix-count`; `ascii`, whether the
    /// prefix is ASCII (where comparing bytes is comparing strings).
    private var takenRanges: [(prefix: String, count: Int, ascii: Bool)] = []

    /// Creates an empty slugger.
    public init() {}

    /// Marks `ids` as taken (by the templates or by checklists): a heading with that slug gets `-1`.
    public mutating func reserve(_ ids: some Sequence<String>) {
        for id in ids where used[id] == nil { used[id] = 0 }
    }

    /// Marks every id of `ids` as taken, as `reserve(_:)` does, without copying them into the slugger.
    public mutating func reserve(set ids: Set<String>) {
        if !ids.isEmpty { takenSets.append(ids) }
    }

    /// Marks `prefix` and `prefix-1` … `prefix-count` as taken (a checklist and its items), as
    /// `reserve(_:)` would, without making a string for each.
    public mutating func reserve(prefix: String, numberedUpTo count: Int) {
        takenRanges.append((prefix, count, prefix.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? false))
    }

    /// Whether `id` is taken: by a heading's slug, or reserved.
    private func isTaken(_ id: String) -> Bool {
        used[id] != nil || isReserved(id)
    }

    /// Whether `id` was reserved by the templates or by a checklist.
    private func isReserved(_ id: String) -> Bool {
        for ids in takenSets where ids.contains(id) { return true }
        guard !takenRanges.isEmpty else { return false }
        if let checked = id.utf8.withContiguousStorageIfAvailable({ isInRange(ascii: $0) }), let answer = checked { return answer }
        // `prefix-N`, N written as `String(N)` writes it (no sign, no leading zero); the prefix is compared as
        // the dictionary compares keys.
        let utf8 = id.utf8
        var number: Int?
        var prefix = id[...]
        if let dash = utf8.lastIndex(of: UInt8(ascii: "-")) {
            let digits = utf8[utf8.index(after: dash)...]
            if let first = digits.first, first != UInt8(ascii: "0"), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                number = Int(Substring(digits))
                prefix = id[..<dash]
            }
        }
        for range in takenRanges {
            if id == range.prefix { return true }
            if let number, number <= range.count, prefix == range.prefix { return true }
        }
        return false
    }

    /// Whether an ASCII `id` is taken by a numbered range, decided on its bytes; nil when `id` or a range's
    /// prefix is not ASCII (the string comparison then decides: `K` equals the Kelvin sign as a string).
    /// Parsing and comparing substrings of the string cost more than the rest of making a slug.
    private func isInRange(ascii id: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard id.allSatisfy({ $0 < 0x80 }) else { return nil }
        // `prefix-N`, N written as `String(N)` writes it: no sign, no leading zero, and within an `Int`.
        var dash = id.count - 1
        while dash >= 0, id[dash] != UInt8(ascii: "-") { dash -= 1 }
        var number: Int?
        if dash >= 0, dash + 1 < id.count, id[dash + 1] != UInt8(ascii: "0") {
            var value = 0
            for byte in id[(dash + 1)...] {
                guard byte >= 0x30, byte <= 0x39 else {
                    value = -1
                    break
                }
                let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - 0x30))
                guard !overflow, !overflow2 else {
                    value = -1
                    break
                }
                value = sum
            }
            if value >= 0 { number = value }
        }
        for range in takenRanges {
            // `number` is only set when there is a dash.
            guard range.ascii,
                let taken = range.prefix.utf8.withContiguousStorageIfAvailable({ prefix in
                    prefix.elementsEqual(id) || (number.map { $0 <= range.count } == true && prefix.elementsEqual(id[..<dash]))
                })
            else { return nil }
            if taken { return true }
        }
        return false
    }

    /// `"Qu’est-ce que Meta utilise ?"` → `"quest-ce-que-meta-utilise"`; repeats get `-1`, `-2`.
    /// A slug that starts like a footnote id (`fn-`, `fnref-`) gets `section-` in front.
    public mutating func slug(for text: String) -> String {
        let slug = Slugger.slugify(text)
        // Most slugs do not start with `f`: the two string comparisons are made only for those that do.
        let footnoteLike = slug.utf8.first == UInt8(ascii: "f") && (slug.hasPrefix("fn-") || slug.hasPrefix("fnref-"))
        let base = slug.isEmpty ? "section" : footnoteLike ? "section-" + slug : slug
        // One hashing of `base` decides and stores the usual case, a slug not seen before (as 0). On a repeat,
        // `base` is stored again below with its counter, as it was before this lookup stored it.
        let previous = used.updateValue(0, forKey: base)
        guard previous != nil || isReserved(base) else { return base }
        var candidate = base
        var counter = previous ?? 0
        repeat {
            counter += 1
            candidate = "\(base)-\(counter)"
        } while isTaken(candidate)
        used[base] = counter
        used[candidate] = 0
        return candidate
    }

    /// Lower-cases, drops accents and apostrophes, and joins words with hyphens.
    public static func slugify(_ text: String) -> String {
        if let fast = text.utf8.withContiguousStorageIfAvailable({ slugify(latin: $0) }), let slug = fast { return slug }
        return slugifyScalars(text)
    }

    /// `slugify(_:)` by scalars, after Foundation's canonical decomposition: any text.
    static func slugifyScalars(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        // ASCII text has nothing to decompose; Foundation's decomposition is only paid for accents.
        let decomposed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.decomposedStringWithCanonicalMapping
        var bytes: [UInt8] = []
        bytes.reserveCapacity(decomposed.utf8.count)
        for scalar in decomposed.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }  // combining accents
            if scalar == "'" || scalar == "\u{2019}" { continue }
            let isASCIILetterOrDigit =
                scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
            if isASCIILetterOrDigit || (!scalar.isASCII && scalar.properties.isAlphabetic) {
                if pendingHyphen, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    bytes.append(("A"..."Z").contains(scalar) ? byte + 32 : byte)
                } else {
                    bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            } else {
                pendingHyphen = true
            }
        }
        result = String(decoding: bytes, as: UTF8.self)
        return result
    }

    /// `slugify(_:)` of a text of ASCII, the accented letters of `latinBases`, combining accents (U+0300–U+036F)
    /// and ’, from its bytes; nil for any other text. These letters decompose to an ASCII letter and
    /// accents, which are dropped: the result is `slugifyScalars`' without paying Foundation's decomposition
    /// (some 13,000 instructions a heading). Written straight into the new string's storage: a slug is never
    /// longer than its text (a letter takes at most the bytes it was read from, and a hyphen stands for at
    /// least one byte that wrote nothing), and is ASCII, so valid UTF-8.
    private static func slugify(latin text: UnsafeBufferPointer<UInt8>) -> String? {
        var handled = true
        let slug = String(unsafeUninitializedCapacity: text.count) { output in
            var count = 0
            var pendingHyphen = false
            var index = 0
            while index < text.count {
                let byte = text[index]
                var letter: UInt8 = 0  // the ASCII letter or digit to write; 0 for a separator
                if byte < 0x80 {
                    index += 1
                    if byte == UInt8(ascii: "'") { continue }
                    let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    {
                        letter = lower
                    }
                } else if byte >= 0xC3, byte <= 0xC5, index + 1 < text.count {
                    // U+00C0–U+017F, two bytes.
                    let base = latinBases.utf8Start[(Int(byte & 0x1F) << 6 | Int(text[index + 1] & 0x3F)) - 0xC0]
                    guard base != UInt8(ascii: ".") else {
                        handled = false
                        return 0
                    }
                    letter = base
                    index += 2
                } else if byte == 0xCC || (byte == 0xCD && index + 1 < text.count && text[index + 1] <= 0xAF) {
                    index += 2  // a combining accent, U+0300–U+036F
                    continue
                } else if byte == 0xE2, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0x99 {
                    index += 3  // ’
                    continue
                } else {
                    handled = false
                    return 0
                }
                if letter != 0 {
                    if pendingHyphen, count > 0 {
                        output[count] = UInt8(ascii: "-")
                        count += 1
                    }
                    pendingHyphen = false
                    output[count] = letter
                    count += 1
                } else {
                    pendingHyphen = true
                }
            }
            return count
        }
        return handled ? slug : nil
    }

    /// For U+00C0–U+017F, the ASCII letter each decomposes to (canonically, before accents in U+0300–U+036F),
    /// lower-cased; `.` where a letter does not decompose so (Æ, Ø, Đ, ß, Œ…) or is no letter (× ÷): those
    /// texts take `slugifyScalars`. Made from Unicode's decompositions; SluggerTests checks every entry against
    /// `slugifyScalars`.
    static let latinBases: StaticString = """
        aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y\
        aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.\
        ...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.
        """
}
