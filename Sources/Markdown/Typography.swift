/// Language-specific typography for text (never code or URLs).
///
/// - Dutch and English: typographic quotes and apostrophes (‘ ’ “ ”), from cmark's smart punctuation
///   in Markdown and from `curlQuotes` in plain texts such as titles.
/// - French, in addition: double quotes become « guillemets » with a narrow no-break space (U+202F)
///   inside, and the same space goes before `;` `:` `!` `?`.
public enum Typography {
    static let narrowSpace: Character = "\u{202F}"

    /// Whether `language` has rules here.
    public static func applies(to language: String?) -> Bool {
        guard let language else { return false }
        return ["fr", "nl", "en"].contains(language)
    }

    /// Applies the rules of `language` to a plain text (titles, descriptions, facts).
    public static func apply(_ text: String, language: String) -> String {
        guard applies(to: language) else { return text }
        let curled = curlQuotes(text)
        return language == "fr" ? frenchSpacing(curled) : curled
    }

    /// Straight quotes to curly ones: double quotes pair up in order; `'` opens after a space or bracket, else it is an apostrophe.
    /// URLs written as text (`BareURL`) stay byte-exact.
    static func curlQuotes(_ text: String) -> String {
        guard hasTrigger(text.utf8, quotes: true, french: false) else { return text }
        let urls = BareURL.ranges(in: text)
        var nextURL = 0, offset = 0
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
        guard hasTrigger(text.utf8, quotes: false, french: true) else { return text }
        // Unicode scalars rather than Characters: the rules only look at single scalars, and grapheme
        // breaking made this the most expensive step of rendering French pages.
        var scalars = text.unicodeScalars.map { $0 == "\u{201C}" ? "«" : $0 == "\u{201D}" ? "»" : $0 }
        // URLs written as text stay byte-exact: their scalars are marked and copied unchanged.
        var inURL: [Bool] = []
        let urls = BareURL.ranges(in: text)
        if !urls.isEmpty {
            var offset = 0, nextURL = 0
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
                while let last = output.last, isSpace(last) { output.removeLast(); hadSpace = true }
                let endsPhrase = next.map { $0.properties.isWhitespace || ";:!?»).,".unicodeScalars.contains($0) } ?? true
                let afterWord = lastBase(of: output).map { isLetterOrNumber($0) || "»)\u{201D}\u{2019}*_".unicodeScalars.contains($0) } ?? true
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
        applies(to: language) && hasTrigger(bytes, quotes: true, french: language == "fr")
    }

    /// Whether `bytes` hold a straight quote (when `quotes`) or one of `; : ! ?` « » “ ” (when `french`),
    /// the multi-byte ones recognised by their UTF-8 forms.
    private static func hasTrigger(_ bytes: some Sequence<UInt8>, quotes: Bool, french: Bool) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): if quotes { return true }
            case 0x3B, 0x3A, 0x21, 0x3F: if french { return true }
            case 0xAB, 0xBB: if french, previous == 0xC2 { return true }
            case 0x9C, 0x9D: if french, previous == 0x80, beforePrevious == 0xE2 { return true }
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
