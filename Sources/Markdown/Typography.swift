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
    static func curlQuotes(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var result = ""
        var openDouble = false
        var previous: Character = " "
        for character in text {
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
        // Only these characters can change anything: ; : ! ? « » “ ” (the last four are multi-byte).
        guard text.utf8.contains(where: { $0 == 0x3B || $0 == 0x3A || $0 == 0x21 || $0 == 0x3F || $0 >= 0xC2 }) else { return text }
        let characters = text.map { $0 == "\u{201C}" ? "«" : $0 == "\u{201D}" ? "»" : $0 }
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\u{00A0}" || c == narrowSpace }
        var output: [Character] = []
        output.reserveCapacity(characters.count + 8)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case ";", ":", "!", "?":
                var hadSpace = false
                while let last = output.last, isSpace(last) { output.removeLast(); hadSpace = true }
                let endsPhrase = next.map { $0.isWhitespace || ";:!?»).,".contains($0) } ?? true
                let afterWord = output.last.map { $0.isLetter || $0.isNumber || "»)\u{201D}\u{2019}*_".contains($0) } ?? true
                if hadSpace || (endsPhrase && afterWord) { output.append(narrowSpace) }
                output.append(character)
            case "«":
                output.append(character)
                output.append(narrowSpace)
                while index + 1 < characters.count, isSpace(characters[index + 1]) { index += 1 }
            case "»":
                while let last = output.last, isSpace(last) { output.removeLast() }
                output.append(narrowSpace)
                output.append(character)
            default:
                output.append(character)
            }
            index += 1
        }
        return String(output)
    }
}
