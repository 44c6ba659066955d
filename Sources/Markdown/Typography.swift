import CLDR
import Foundation

/// Language-specific typography for text (never code or URLs), as data.
///
/// - Every language: typographic apostrophes, and double quotes become the language's quotation marks
///   from CLDR's `delimiters` (through ICU): “…” en, „…“ de, „…” pl, «…» fr, 「…」 ja, ‘…’ nl.
///   cmark's smart punctuation curls the Markdown, `curlQuotes` plain texts such as titles.
/// - Languages in `spacedPunctuation` (French), in addition: a narrow no-break space (U+202F) inside
///   « guillemets » and before `;` `:` `!` `?`, and in place of a space before `%` (`7 %` cannot break
///   before its sign; `7%` is left as written).
public enum Typography {
    static let narrowSpace: Character = "\u{202F}"

    /// Languages that put a narrow no-break space inside guillemets and before `; : ! ?` (and `%`): French, after
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
        // A text with no quote, no `; : ! ? %` and no « » “ ” reads the same in every language: no lookups.
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
        var source = text
        return source.withUTF8 { frenchSpacing(utf8: $0) }
    }

    /// `frenchSpacing(_:)` over UTF-8: bytes are copied as they are, and only the few scalars the rules
    /// look at (`; : ! ? %`, « » “ ”, the spaces) are decoded. Scalar by scalar in a `[Unicode.Scalar]`, this was
    /// the most expensive step of rendering a French text node.
    private static func frenchSpacing(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        // URLs written as text stay byte-exact: a scalar starting inside one is copied unchanged.
        let urls = BareURL.ranges(in: bytes)
        var nextURL = 0
        func inURL(_ offset: Int) -> Bool {
            while nextURL < urls.count, urls[nextURL].upperBound <= offset { nextURL += 1 }
            return nextURL < urls.count && urls[nextURL].contains(offset)
        }
        var output: [UInt8] = []
        output.reserveCapacity(count + 16)
        let narrow: [UInt8] = [0xE2, 0x80, 0xAF]
        /// Removes the spaces (space, no-break space, narrow no-break space) that end the output; whether there were any.
        func dropTrailingSpaces() -> Bool {
            var dropped = false
            while let length = trailingSpaceLength(output) {
                output.removeLast(length)
                dropped = true
            }
            return dropped
        }
        // Ordinary scalars (and every scalar of a URL) are copied in runs; only the marks the rules look at
        // end a run.
        var runStart = 0
        var index = 0
        let marks = asciiMarks
        while index < count {
            let byte = bytes[index]
            // Continuation bytes are never one of these leads: ordinary text is stepped over byte by byte, the
            // ASCII marks `! % : ; ?` found by one bit test (bits 0x21, 0x25, 0x3A, 0x3B and 0x3F of
            // `asciiMarks`) where seven comparisons cost some twenty instructions a byte.
            guard byte < 0x40 ? (marks >> UInt64(byte)) & 1 != 0 : byte == 0xC2 || byte == 0xE2 else {
                index += 1
                continue
            }
            let length = scalarLength(byte)
            let isOpen =
                (byte == 0xC2 && bytes[index + 1] == 0xAB) || (byte == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x9C)
            let isClose =
                (byte == 0xC2 && bytes[index + 1] == 0xBB) || (byte == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x9D)
            guard length == 1 || isOpen || isClose, !inURL(index) else {
                index += length
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            if byte == 0x25 {  // %: the space before it, if any, becomes a narrow no-break space; none is added
                if dropTrailingSpaces() { output.append(contentsOf: narrow) }
                output.append(byte)
                index += 1
            } else if length == 1 {  // ; : ! ?
                let hadSpace = dropTrailingSpaces()
                var endsPhrase = true
                if index + 1 < count {
                    var next = decode(bytes, at: index + 1)
                    if !inURL(index + 1) { next = quoteAsGuillemet(next) }
                    endsPhrase = next.properties.isWhitespace || ";:!?»).,".unicodeScalars.contains(next)
                }
                let afterWord =
                    lastBase(utf8: output).map { isLetterOrNumber($0) || "»)\u{201D}\u{2019}*_".unicodeScalars.contains($0) } ?? true
                if hadSpace || (endsPhrase && afterWord) { output.append(contentsOf: narrow) }
                output.append(byte)
                index += 1
            } else if isOpen {  // « or “
                output.append(contentsOf: [0xC2, 0xAB] + narrow)
                index += length
                while index < count, let space = spaceLength(bytes, at: index) { index += space }
            } else {  // » or ”
                _ = dropTrailingSpaces()
                output.append(contentsOf: narrow + [0xC2, 0xBB])
                index += length
            }
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of `! % : ; ?` as bits of a 64-bit mask (all are below 0x40).
    private static let asciiMarks: UInt64 = 1 << 0x21 | 1 << 0x25 | 1 << 0x3A | 1 << 0x3B | 1 << 0x3F

    /// The length of the UTF-8 sequence that `lead` starts.
    private static func scalarLength(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }

    /// The scalar whose UTF-8 starts at `offset` of valid UTF-8 `bytes`.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar {
        let length = scalarLength(bytes[offset])
        var value = length == 1 ? UInt32(bytes[offset]) : UInt32(bytes[offset]) & (0x7F >> length)
        for continuation in 1..<length { value = value << 6 | UInt32(bytes[offset + continuation] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// “ and ” as the guillemets French spacing writes for them; any other scalar as it is.
    private static func quoteAsGuillemet(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar == "\u{201C}" ? "«" : scalar == "\u{201D}" ? "»" : scalar
    }

    /// The byte length of the space (space, no-break space, narrow no-break space) at `offset`, or nil.
    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        if bytes[offset] == 0x20 { return 1 }
        if bytes[offset] == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] == 0xA0 { return 2 }
        if bytes[offset] == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0xAF { return 3 }
        return nil
    }

    /// The byte length of the space that ends `output` (valid UTF-8), or nil.
    private static func trailingSpaceLength(_ output: [UInt8]) -> Int? {
        let count = output.count
        if count >= 1, output[count - 1] == 0x20 { return 1 }
        if count >= 2, output[count - 2] == 0xC2, output[count - 1] == 0xA0 { return 2 }
        if count >= 3, output[count - 3] == 0xE2, output[count - 2] == 0x80, output[count - 1] == 0xAF { return 3 }
        return nil
    }

    /// The last scalar of `output` (valid UTF-8) that is not a combining mark (the base of the last character).
    private static func lastBase(utf8 output: [UInt8]) -> Unicode.Scalar? {
        output.withUnsafeBufferPointer { bytes -> Unicode.Scalar? in
            var end = bytes.count
            while end > 0 {
                var start = end - 1
                while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                let scalar = decode(bytes, at: start)
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: end = start
                default: return scalar
                }
            }
            return nil
        }
    }

    /// Whether `apply(_:language:)` can change a text with these UTF-8 bytes: only a straight quote can,
    /// and in French also `; : ! ? %` and « » “ ”. A cheap test before making a string at all.
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
    /// Worked out once per language and kept (every page's Markdown asks; the quotation marks' lookup and
    /// the set's hashing cost some 1,400 instructions a page).
    public static func triggers(for language: String) -> Triggers {
        lock.lock()
        let known = knownTriggers[language]
        lock.unlock()
        if let known { return known }
        let french = spacedPunctuation.contains(String(base(language)))
        let triggers = Triggers(french: french, curly: french || replacesQuotes(language))
        lock.lock()
        knownTriggers[language] = triggers
        lock.unlock()
        return triggers
    }

    nonisolated(unsafe) private static var knownTriggers: [String: Triggers] = [:]

    /// `apply(_:language:)` with `triggers(for: language)` already worked out (a document's text nodes share
    /// them): whether the language is French, and whether it replaces “ ” (`french` or `replacesQuotes`).
    static func apply(_ text: String, language: String, triggers: Triggers) -> String {
        guard hasTrigger(in: text, quotes: true, french: true) else { return text }
        let curled = curlQuotes(text)
        if triggers.french { return frenchSpacing(curled) }
        guard triggers.curly else { return curled }
        return replacingCurlyDoubleQuotes(curled, with: quotes(for: language))
    }

    /// `mayChange(utf8:language:)` with the language's triggers already worked out (nil: no language).
    public static func mayChange(utf8 bytes: some Sequence<UInt8>, triggers: Triggers?) -> Bool {
        guard let triggers else { return false }
        return hasTrigger(bytes, quotes: true, french: triggers.french, curly: triggers.curly)
    }

    /// `hasTrigger(_:quotes:french:curly:)` over `text`'s UTF-8 in place: a native string's storage is
    /// NUL-terminated, so `strcspn` (sixteen bytes at a time in glibc) jumps to the next byte that can be a
    /// trigger, and only those few bytes are looked at further. Stepping through every byte cost ~4
    /// instructions a byte, and this runs three times on a text that changes.
    static func hasTrigger(in text: String, quotes: Bool, french: Bool) -> Bool {
        guard quotes || french else { return false }
        let count = text.utf8.count
        let stops = triggerStops[(quotes ? 1 : 0) | (french ? 2 : 0)]
        return text.withCString { start in
            stops.withUnsafeBufferPointer { stops in
                let bytes = UnsafeRawPointer(start).assumingMemoryBound(to: UInt8.self)
                var offset = 0
                while true {
                    offset += strcspn(start + offset, stops.baseAddress!)
                    // The terminating NUL; a NUL inside the text is stepped over.
                    guard offset < count else { return false }
                    switch bytes[offset] {
                    case 0: break
                    case 0xAB, 0xBB: if offset > 0, bytes[offset - 1] == 0xC2 { return true }
                    case 0x9C, 0x9D: if offset > 1, bytes[offset - 1] == 0x80, bytes[offset - 2] == 0xE2 { return true }
                    default: return true  // a straight quote, or one of `; : ! ? %`
                    }
                    offset += 1
                }
            }
        }
    }

    /// The bytes `hasTrigger(in:quotes:french:)` stops at, NUL-terminated, by index: bit 0 `quotes` (straight
    /// quotes), bit 1 `french` (`; : ! ? %` and the last bytes of « » “ ”).
    private static let triggerStops: [[CChar]] = (0..<4).map { (index: Int) -> [CChar] in
        var bytes: [UInt8] = []
        if index & 1 != 0 { bytes += [0x22, 0x27] }
        if index & 2 != 0 { bytes += [0x3B, 0x3A, 0x21, 0x3F, 0x25, 0xAB, 0xBB, 0x9C, 0x9D] }
        return (bytes + [0]).map { CChar(bitPattern: $0) }
    }

    /// Whether `bytes` hold a straight quote (when `quotes`) or one of `; : ! ? %` « » “ ” (when `french`),
    /// the multi-byte ones recognised by their UTF-8 forms.
    static func hasTrigger(_ bytes: some Sequence<UInt8>, quotes: Bool, french: Bool, curly: Bool? = nil) -> Bool {
        let curly = curly ?? french
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): if quotes { return true }
            case 0x3B, 0x3A, 0x21, 0x3F, 0x25: if french { return true }
            case 0xAB, 0xBB: if french, previous == 0xC2 { return true }
            case 0x9C, 0x9D: if curly, previous == 0x80, beforePrevious == 0xE2 { return true }
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// `Character.isLetter || Character.isNumber` for a character starting with `scalar`.
    private static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return scalar.properties.numericType != nil
        }
    }
}
