import Testing

@testable import Markdown

/// `RewriteScan.needsRewrite` is one pass standing for two: it must answer exactly as
/// `Placeholder.mayContain(utf8:) || Typography.mayChange(utf8:triggers:)` do.
@Suite struct RewriteScanTests {
    /// The two separate scans the table-driven one replaces.
    func reference(_ text: String, _ triggers: Typography.Triggers?) -> Bool {
        Placeholder.mayContain(utf8: Array(text.utf8)) || Typography.mayChange(utf8: Array(text.utf8), triggers: triggers)
    }

    func scan(_ text: String, _ triggers: Typography.Triggers?) -> Bool {
        text.withCString { RewriteScan.needsRewrite($0, triggers: triggers) }
    }

    static let languages: [String?] = [nil, "fr", "fr-be", "en", "nl", "de", "ja"]

    @Test func answersLikeTheTwoScansOnChosenTexts() {
        let texts = [
            "", "plain text", "{", "{{", "a{b{c", "x{{", "{{fact}}", "l'article", "\"quoted\"", "Attention !", "a;b", "a:b", "why?",
            "«", "»", "« déjà »", "\u{201C}curly\u{201D}", "\u{201C}", "\u{201D}", "\u{AB}", "\u{C2AB}", "é", "\u{2018}", "\u{2019}",
            "\u{201E}", "\u{809C}", "ĜœĝĀ", "x\u{9C}", "日本語「」", "7 %", "7%", "%",
        ]
        for language in Self.languages {
            let triggers = language.map(Typography.triggers(for:))
            for text in texts {
                #expect(scan(text, triggers) == reference(text, triggers), "\(text.debugDescription) in \(language ?? "no language")")
            }
        }
    }

    /// Random texts over the bytes that matter (and their neighbours), from a fixed seed.
    @Test func answersLikeTheTwoScansOnRandomTexts() {
        let pieces = [
            "a", " ", "{", "}", "'", "\"", ";", ":", "!", "?", "%", "«", "»", "“", "”", "„", "é", "€", "\u{80}", "\u{9C}", "\u{AB}",
        ]
        var draws = SeededDraws(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        for _ in 0..<4_000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            for language in Self.languages {
                let triggers = language.map(Typography.triggers(for:))
                if scan(text, triggers) != reference(text, triggers) { disagreements.append("\(text.debugDescription) \(language ?? "-")") }
            }
        }
        #expect(disagreements == [])
    }
}
