import CLDR
import Foundation

/// Language-specific typography for text (never code or URLs), as data.
///
/// - Every language: typographic apostrophes, and double quotes become the language's quotation marks
///   from CLDR's `delimiters` (through ICU): “…” en, „…“ de, „…” pl, «…» fr, 「…」 ja, ‘…’ nl.
///   cmark's smart punctuation curls the Markdown, `curlQuotes` plain texts such as titles.
/// - Languages in `spacedPunctuation` (French), in addition: a narrow no-break space (U+202F) inside
///   « guillemets » and before `;` `:` `!` `?`.
public enum Typography {
    static let narrowSpace: Character = "\u{202F}"

    /// Languages that put a narrow no-break space inside guillemets and before `; : ! ?`: French, after
    /// the Imprimerie nationale's *Lexique des règles typographiques* (2002), "Ponctuation" (CLDR has no such data).
    public static let spacedPunctuation: Set<String> = ["fr"]

    /// Whether `language` has rules here (every language does; without one, a text is left as written).
    public static func applies(to language: String?) -> Bool { language != nil }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [String: QuotationMarks] = [:]

    /// CLDR's quotation marks for `language` (a site language code such as `de` or `pt-br`), looked up once.
    public static func quotes(for language: String) -> QuotationMarks {
        lock.lock()
        defer { lock.unlock() }
        if let marks = known[language] { return marks }
        let marks = ICU.quotationMarks(ICU.identifier(language))
        known[language] = marks
        return marks
    }

    /// The language part of a code (`fr` for `fr-be`).
    private static func base(_ language: String) -> Substring {
        // Most codes have no region: no split, no allocation (this runs for every text node).
        guard let dash = language.utf8.firstIndex(of: UInt8(ascii: "-")) else { return Substring(language) }
        return language[..<dash]
    }

    /// Whether `language`'s double quotes are other than “…”, so curly ones must be replaced.
    private static func replacesQuotes(_ language: String) -> Bool {
        let marks = quotes(for: language)
        return marks.open != "\u{201C}" || marks.close != "\u{201D}"
    }

    /// Applies the rules of `language` to a plain text (titles, descriptions, facts).
    public static func apply(_ text: String, language: String) -> String {
        // A text with no quote, no `; : ! ?` and no « » “ ” reads the same in every language: no lookups.
        guard hasTrigger(in: text, quotes: true, french: true) else { return text }
        let curled = curlQuotes(text)
        if spacedPunctuation.contains(String(base(language))) { return frenchSpacing(curled) }
        guard replacesQuotes(language) else { return curled }
        return replacingCurlyDoubleQuotes(curled, with: quotes(for: language))
    }

    /// `text` with each “ and ” replaced by `marks`' opening and closing marks, in one pass over its UTF-8
    /// (Foundation's `contains` and `replacingOccurrences` cost more than the rest of rendering a text node).
    static func replacingCurlyDoubleQuotes(_ text: String, with marks: QuotationMarks) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // “ is E2 80 9C, ” is E2 80 9D.
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index + 2 < bytes.count {
                guard bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D else {
                    index += 1
                    continue
                }
                if output.isEmpty { output.reserveCapacity(bytes.count + 16) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output.append(contentsOf: (bytes[index + 2] == 0x9C ? marks.open : marks.close).utf8)
                index += 3
                copied = index
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// Straight quotes to curly ones: double quotes pair up in order; `'` opens after a space or bracket, else it is an apostrophe.
    /// URLs written as text (`BareURL`) stay byte-exact.
    static func curlQuotes(_ text: String) -> String {
        guard hasTrigger(in: text, quotes: true, french: false) else { return text }
        let urls = BareURL.ranges(in: text)
        var nextURL = 0
        var offset = 0
        var result = ""
        var openDouble = false
        var previous: Character = " "
        for character in text {
            if !urls.isEmpty {
                // Offsets are only counted when the text holds a URL.
                defer { offset += character.utf8.count }
                while nextURL < urls.count, urls[nextURL].upperBound <= offset { nextURL += 1 }
                if nextURL < urls.count, urls[nextURL].contains(offset) {
                    result.append(character)
                    previous = character
                    continue
                }
            }
            switch character {
            case "\"":
                result.append(openDouble ? "\u{201D}" : "\u{201C}")
                openDouble.toggle()
            case "'":
                result.append(previous.isWhitespace || "([{\u{201C}".contains(previous) ? "\u{2018}" : "\u{2019}")
            default:
                result.append(character)
            }
            previous = character
        }
        return result
    }

    /// French spacing on text whose double quotes are already curly.
    static func frenchSpacing(_ text: String) -> String {
        guard hasTrigger(in: text, quotes: false, french: true) else { return text }
        // Unicode scalars rather than Characters: the rules only look at single scalars, and grapheme
        // breaking made this the most expensive step of rendering French pages.
        var scalars = text.unicodeScalars.map { $0 == "\u{201C}" ? "«" : $0 == "\u{201D}" ? "»" : $0 }
        // URLs written as text stay byte-exact: their scalars are marked and copied unchanged.
        var inURL: [Bool] = []
        let urls = BareURL.ranges(in: text)
        if !urls.isEmpty {
            var offset = 0
            var nextURL = 0
            for (index, scalar) in text.unicodeScalars.enumerated() {
                while nextURL < urls.count, urls[nextURL].upperBound <= offset { nextURL += 1 }
                let protected = nextURL < urls.count && urls[nextURL].contains(offset)
                inURL.append(protected)
                if protected { scalars[index] = scalar }
                offset += scalar.utf8.count
            }
        }
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{00A0}" || c == narrowScalar }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count + 8)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if !inURL.isEmpty, inURL[index] {
                output.append(scalar)
                index += 1
                continue
            }
            switch scalar {
            case ";", ":", "!", "?":
                var hadSpace = false
                while let last = output.last, isSpace(last) {
                    output.removeLast()
                    hadSpace = true
                }
                let endsPhrase = next.map { $0.properties.isWhitespace || ";:!?»).,".unicodeScalars.contains($0) } ?? true
                let afterWord =
                    lastBase(of: output).map { isLetterOrNumber($0) || "»)\u{201D}\u{2019}*_".unicodeScalars.contains($0) } ?? true
                if hadSpace || (endsPhrase && afterWord) { output.append(narrowScalar) }
                output.append(scalar)
            case "«":
                output.append(scalar)
                output.append(narrowScalar)
                while index + 1 < scalars.count, isSpace(scalars[index + 1]) { index += 1 }
            case "»":
                while let last = output.last, isSpace(last) { output.removeLast() }
                output.append(narrowScalar)
                output.append(scalar)
            default:
                output.append(scalar)
            }
            index += 1
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for scalar in output { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let narrowScalar: Unicode.Scalar = "\u{202F}"

    /// Whether `apply(_:language:)` can change a text with these UTF-8 bytes: only a straight quote can,
    /// and in French also `; : ! ?` and « » “ ”. A cheap test before making a string at all.
    public static func mayChange(utf8 bytes: some Sequence<UInt8>, language: String?) -> Bool {
        mayChange(utf8: bytes, triggers: language.map(triggers(for:)))
    }

    /// Which characters can make `apply(_:language:)` change a text in one language, worked out once per
    /// document rather than once per text node (the lookup of its quotation marks takes a lock).
    public struct Triggers: Sendable {
        let french: Bool
        let curly: Bool
    }

    /// The triggers of `language`.
    public static func triggers(for language: String) -> Triggers {
        let french = spacedPunctuation.contains(String(base(language)))
        return Triggers(french: french, curly: french || replacesQuotes(language))
    }

    /// `mayChange(utf8:language:)` with the language's triggers already worked out (nil: no language).
    public static func mayChange(utf8 bytes: some Sequence<UInt8>, triggers: Triggers?) -> Bool {
        guard let triggers else { return false }
        return hasTrigger(bytes, quotes: true, french: triggers.french, curly: triggers.curly)
    }

    /// `hasTrigger(_:quotes:french:curly:)` over `text`'s UTF-8 in place (a native string's is contiguous):
    /// iterating a `String.UTF8View` byte by byte cost several times more.
    private static func hasTrigger(in text: String, quotes: Bool, french: Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { hasTrigger($0, quotes: quotes, french: french) }
            ?? hasTrigger(text.utf8, quotes: quotes, french: french)
    }

    /// Whether `bytes` hold a straight quote (when `quotes`) or one of `; : ! ?` « » “ ” (when `french`),
    /// the multi-byte ones recognised by their UTF-8 forms.
    private static func hasTrigger(_ bytes: some Sequence<UInt8>, quotes: Bool, french: Bool, curly: Bool? = nil) -> Bool {
        let curly = curly ?? french
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): if quotes { return true }
            case 0x3B, 0x3A, 0x21, 0x3F: if french { return true }
            case 0xAB, 0xBB: if french, previous == 0xC2 { return true }
            case 0x9C, 0x9D: if curly, previous == 0x80, beforePrevious == 0xE2 { return true }
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// The last scalar that is not a combining mark (the base of the last character).
    private static func lastBase(of scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
        scalars.last { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return false
            default: return true
            }
        }
    }

    /// `Character.isLetter || Character.isNumber` for a character starting with `scalar`.
    private static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return scalar.properties.numericType != nil
        }
    }
}
