import Foundation

/// Turns heading text into URL-fragment ids, unique within one document.
public struct Slugger: Sendable {
    private var used = [String: Int](minimumCapacity: 8)
    /// Sets of taken ids kept as they were given, looked at only when a slug is checked (no copy per page).
    private var takenSets: [Set<String>] = []
    /// Numbered ids taken as a range: `prefix` and `prefix-1` to `prefix-count`.
    private var takenRanges: [(prefix: String, count: Int)] = []

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
        takenRanges.append((prefix, count))
    }

    /// Whether `id` is taken: by a heading's slug, or reserved.
    private func isTaken(_ id: String) -> Bool {
        used[id] != nil || isReserved(id)
    }

    /// Whether `id` was reserved by the templates or by a checklist.
    private func isReserved(_ id: String) -> Bool {
        for ids in takenSets where ids.contains(id) { return true }
        guard !takenRanges.isEmpty else { return false }
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

    /// `"Qu’est-ce que Meta utilise ?"` → `"quest-ce-que-meta-utilise"`; repeats get `-1`, `-2`.
    /// A slug that starts like a footnote id (`fn-`, `fnref-`) gets `section-` in front.
    public mutating func slug(for text: String) -> String {
        let slug = Slugger.slugify(text)
        let footnoteLike = slug.hasPrefix("fn-") || slug.hasPrefix("fnref-")
        let base = slug.isEmpty ? "section" : footnoteLike ? "section-" + slug : slug
        var candidate = base
        // One lookup of `base` decides the usual case, a slug not seen before: it is then stored once, as 0.
        let previous = used[base]
        if previous != nil || isReserved(base) {
            var counter = previous ?? 0
            repeat {
                counter += 1
                candidate = "\(base)-\(counter)"
            } while isTaken(candidate)
            used[base] = counter
        }
        used[candidate] = 0
        return candidate
    }

    /// Lower-cases, drops accents and apostrophes, and joins words with hyphens.
    public static func slugify(_ text: String) -> String {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } ? slugify(ascii: $0) : nil }),
            let slug = ascii
        {
            return slug
        }
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

    /// `slugify(_:)` of an ASCII text, from its bytes: the same rules without decoding scalars.
    private static func slugify(ascii text: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var pendingHyphen = false
        for byte in text where byte != UInt8(ascii: "'") {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                if pendingHyphen, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                bytes.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
