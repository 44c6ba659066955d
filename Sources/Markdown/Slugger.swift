import Foundation

/// Turns heading text into URL-fragment ids, unique within one document.
public struct Slugger: Sendable {
    private var used: [String: Int] = [:]

    /// Creates an empty slugger.
    public init() {}

    /// `"Qu’est-ce que Meta utilise ?"` → `"quest-ce-que-meta-utilise"`; repeats get `-1`, `-2`.
    public mutating func slug(for text: String) -> String {
        let slug = Slugger.slugify(text)
        let base = slug.isEmpty ? "section" : slug
        var candidate = base
        var counter = used[base, default: 0]
        while used[candidate] != nil {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used[base] = counter
        used[candidate] = 0
        return candidate
    }

    /// Lower-cases, drops accents and apostrophes, and joins words with hyphens.
    public static func slugify(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        // ASCII text has nothing to decompose; Foundation's decomposition is only paid for accents.
        let decomposed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.decomposedStringWithCanonicalMapping
        for scalar in decomposed.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue } // combining accents
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
