import Diagnostics
import Testing

@testable import Markdown

@Suite struct TypographyTests {
    let nnbsp = "\u{202F}"

    @Test func frenchSpacesBeforeHighPunctuationAndInsideGuillemets() {
        #expect(
            Typography.apply("Attention ! Vraiment ? Oui : non ; \"bien\"", language: "fr")
                == "Attention\(nnbsp)! Vraiment\(nnbsp)? Oui\(nnbsp): non\(nnbsp); «\(nnbsp)bien\(nnbsp)»")
        #expect(Typography.apply("Attention!", language: "fr") == "Attention\(nnbsp)!")
        #expect(Typography.apply("« déjà »", language: "fr") == "«\(nnbsp)déjà\(nnbsp)»")
    }

    @Test func frenchLeavesTimesAndURLsAlone() {
        #expect(Typography.apply("10:30 https://x.org/?a=1", language: "fr") == "10:30 https://x.org/?a=1")
    }

    @Test func isIdempotent() {
        let once = Typography.apply("Il dit : \"oui\" !", language: "fr")
        #expect(Typography.apply(once, language: "fr") == once)
    }

    @Test func dutchAndEnglishCurlQuotes() {
        #expect(Typography.apply("It's \"done\" and 'quoted'", language: "en") == "It’s “done” and ‘quoted’")
        #expect(Typography.apply("Zo'n \"test\"", language: "nl") == "Zo’n ‘test’")
        #expect(Typography.apply("Note: yes!", language: "en") == "Note: yes!")
    }

    @Test func quotationMarksFromCLDRForEveryLanguage() {
        #expect(Typography.apply("Er sagte \"ja\"", language: "de") == "Er sagte „ja“")
        #expect(Typography.apply("Powiedział \"tak\"", language: "pl") == "Powiedział „tak”")
        #expect(Typography.apply("彼は\"はい\"と言った", language: "ja") == "彼は「はい」と言った")
        #expect(Typography.apply("Ele disse \"sim\"", language: "pt-br") == "Ele disse “sim”")
        #expect(Typography.apply("Он сказал \"да\"", language: "ru") == "Он сказал «да»")
        let html = MarkdownRenderer.render("Er sagte \"ja\" und `\"nein\"`.", options: MarkdownOptions(language: "de")).html
        #expect(html == "<p>Er sagte „ja“ und <code>&quot;nein&quot;</code>.</p>\n")
    }

    @Test func curlyDoubleQuotesAreReplacedAtEitherEndAndSideBySide() {
        #expect(Typography.apply("\"a\"", language: "de") == "„a“")
        #expect(Typography.apply("\"\"", language: "de") == "„“")
        #expect(Typography.apply("“é” x “ü”", language: "pl") == "„é” x „ü”")
        #expect(Typography.apply("no quotes, déjà", language: "de") == "no quotes, déjà")
    }

    @Test func triggersWorkedOutOnceAgreeWithTheLanguage() {
        for language in ["fr", "fr-be", "nl", "en", "de", "ja"] {
            for text in ["plain", "it's", "a ; b", "« x »", "“x”", "x\u{201D}", "a: b"] {
                #expect(
                    Typography.mayChange(utf8: text.utf8, triggers: Typography.triggers(for: language))
                        == Typography.mayChange(utf8: text.utf8, language: language), "\(language): \(text)")
            }
        }
        #expect(!Typography.mayChange(utf8: "it's".utf8, triggers: nil))
        #expect(Typography.mayChange(utf8: "a ; b".utf8, triggers: Typography.triggers(for: "fr")))
        #expect(!Typography.mayChange(utf8: "a ; b".utf8, triggers: Typography.triggers(for: "nl")))
        #expect(Typography.mayChange(utf8: "“x”".utf8, triggers: Typography.triggers(for: "de")))
        #expect(!Typography.mayChange(utf8: "“x”".utf8, triggers: Typography.triggers(for: "en")))
    }

    /// Text nodes are given their document's triggers: the result must be `apply(_:language:)`'s.
    @Test func applyingWithTriggersWritesWhatApplyWrites() {
        let pieces = [
            "a", "é", " ", "\"", "'", ";", ":", "!", "?", "%", "«", "»", "\u{201C}", "\u{201D}", "7 %", "www.x.be/a;b", "(", "\u{A0}",
        ]
        var draws = SeededDraws(seed: 0x7A1C_0000_0000_0011)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        var changed = 0
        for _ in 0..<3_000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            for language in ["fr", "fr-be", "nl", "en", "de", "ja", "pl"] {
                let applied = Typography.apply(text, language: language)
                if applied != text { changed += 1 }
                if Typography.apply(text, language: language, triggers: Typography.triggers(for: language)) != applied {
                    disagreements.append("\(language): \(text.debugDescription)")
                }
            }
        }
        #expect(disagreements == [])
        #expect(changed > 5_000)
    }

    @Test func markdownTextGetsTypographyButCodeAndURLsDoNot() {
        let html = MarkdownRenderer.render(
            "Il dit \"oui\" : `a : \"b\"` [lien](https://x.org/?q=1) !\n", options: MarkdownOptions(language: "fr")
        ).html
        #expect(
            html
                == "<p>Il dit «\(nnbsp)oui\(nnbsp)»\(nnbsp): <code>a : &quot;b&quot;</code> <a href=\"https://x.org/?q=1\">lien</a>\(nnbsp)!</p>\n"
        )
    }

    @Test func frenchPercentSignCannotBreakFromItsNumber() {
        #expect(Typography.apply("seuls 7 % des gens", language: "fr") == "seuls 7\(nnbsp)% des gens")
        #expect(Typography.apply("7\u{00A0}% ou 8\(nnbsp)%", language: "fr") == "7\(nnbsp)% ou 8\(nnbsp)%")
        #expect(Typography.apply("7  %", language: "fr") == "7\(nnbsp)%")
        // No space is added where none was written, and only French spaces it.
        #expect(Typography.apply("7%", language: "fr") == "7%")
        #expect(Typography.apply("7 %", language: "nl") == "7 %")
        #expect(Typography.apply("7 %", language: "en") == "7 %")
        // A URL written as text stays byte-exact.
        #expect(Typography.apply("voir https://x.org/?q=a%20b", language: "fr") == "voir https://x.org/?q=a%20b")
        #expect(Typography.mayChange(utf8: "7 %".utf8, language: "fr"))
        #expect(!Typography.mayChange(utf8: "7 %".utf8, language: "nl"))
    }

    @Test func frenchPercentFactInMarkdownButNotInCode() {
        struct Share: MarkdownResolver {
            mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? {
                key == "a.share" ? "7 %" : nil
            }
            mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { nil }
            mutating func report(_ problem: MarkdownProblem, at position: TextPosition) {}
        }
        var resolver = Share()
        let html = MarkdownRenderer.render(
            "Seuls {{a.share}} des gens ; `7 % : x`\n", options: MarkdownOptions(language: "fr"), resolver: &resolver
        ).html
        #expect(html == "<p>Seuls 7\(nnbsp)% des gens\(nnbsp); <code>7 % : x</code></p>\n")
    }

    @Test func noLanguageMeansPlainGFM() {
        #expect(MarkdownRenderer.render("\"a\" -- b...\n").html == "<p>&quot;a&quot; -- b...</p>\n")
    }
}

/// `Typography.frenchSpacing` works on UTF-8 bytes: it must write exactly what the scalar-by-scalar
/// version it replaced wrote (kept here as the reference), URLs, combining marks and all.
@Suite struct FrenchSpacingTests {
    @Test func writesWhatTheScalarVersionWrote() {
        let pieces = [
            "a", "Été", " ", "\u{00A0}", "\u{202F}", ";", ":", "!", "?", "«", "»", "\u{201C}", "\u{201D}", "\u{2019}", ")", "(", ".", ",",
            "*", "_", "1", "e\u{301}", "\u{301}", "\n", "\t", "https://x.org/?a=1;b", "www.example.be", "a@b.eu", "👍🏽", "日本", "\u{3000}",
            "-", "\u{2028}", "%", "7 %",
        ]
        var draws = SeededDraws(seed: 0x1234_5678_9ABC_DEF0)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        var changed = 0
        for _ in 0..<8_000 {
            let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            let spaced = Typography.frenchSpacing(text)
            if spaced != text { changed += 1 }
            if spaced != Self.reference(text) { disagreements.append(text.debugDescription) }
        }
        #expect(disagreements == [])
        #expect(changed > 2_000)
    }

    static let narrowScalar: Unicode.Scalar = "\u{202F}"

    /// French spacing as it was written before it worked on bytes (with the `%` rule added since).
    static func reference(_ text: String) -> String {
        var scalars = text.unicodeScalars.map { $0 == "\u{201C}" ? "«" : $0 == "\u{201D}" ? "»" : $0 }
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
        func lastBase(of scalars: [Unicode.Scalar]) -> Unicode.Scalar? {
            scalars.last { scalar in
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: return false
                default: return true
                }
            }
        }
        func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return scalar.properties.numericType != nil
            }
        }
        var output: [Unicode.Scalar] = []
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
            case "%":
                var hadSpace = false
                while let last = output.last, isSpace(last) {
                    output.removeLast()
                    hadSpace = true
                }
                if hadSpace { output.append(narrowScalar) }
                output.append(scalar)
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
        for scalar in output { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// `Typography.hasTrigger(in:quotes:french:)` jumps with `strcspn` over a string's NUL-terminated storage: it
/// must answer as the byte-by-byte scan does, for every set of flags, NULs inside the text included.
@Suite struct TriggerScanTests {
    @Test func answersAsTheByteByByteScan() {
        let pieces = [
            "a", "é", " ", "\0", "\"", "'", ";", ":", "!", "?", "%", "«", "»", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2AB}", "\u{2BB}",
            "\u{209C}", "\u{1C9D}", "\u{C2}", "\u{80}", "日本", "👍🏽", "https://x.org/?a=1", "word",
        ]
        var draws = SeededDraws(seed: 0x7EE5_CA11_0000_0021)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        var found = 0
        for _ in 0..<6_000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            for (quotes, french) in [(true, true), (true, false), (false, true), (false, false)] {
                let fast = Typography.hasTrigger(in: text, quotes: quotes, french: french)
                if fast { found += 1 }
                if fast != Typography.hasTrigger(Array(text.utf8), quotes: quotes, french: french) {
                    disagreements.append("\(text.debugDescription) quotes: \(quotes) french: \(french)")
                }
            }
        }
        #expect(disagreements == [])
        #expect(found > 6_000)
        #expect(Typography.hasTrigger(in: "a\0b\0;", quotes: false, french: true))
        #expect(!Typography.hasTrigger(in: "a\0b\0;", quotes: true, french: false))
    }
}
