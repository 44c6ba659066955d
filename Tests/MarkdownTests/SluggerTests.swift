import Testing

@testable import Markdown

/// Ids reserved as a set or as a numbered range must be taken exactly as if each had been reserved one by one.
@Suite struct SluggerTests {
    @Test func reservedSetsAndRangesAreTakenLikeSingleIds() {
        let headings = [
            "Main", "main", "Check a", "check-a-1", "check-a-3", "check-a-4", "check-a-01", "check-a-0", "check-a", "check-a--1",
            "check-a-1-1", "Check A 2", "list-1", "list-1-1", "list-1-2", "list-12", "nav", "nav-1", "Résumé", "resume", "x",
            "check a 99999999999999999999", "check a 9223372036854775807", "日本 2", "日本", "日本 3",
        ]
        let reserved: Set<String> = ["main", "nav", "resume", "search"]
        let checklists = [("check-a", 3), ("list-1", 1), ("list-12", 0), ("日本", 2)]
        var rotation = 0
        for _ in 0..<headings.count {
            rotation += 1
            let order = Array(headings[rotation...] + headings[..<rotation])
            var one = Slugger()
            one.reserve(reserved)
            for (id, count) in checklists {
                one.reserve([id])
                one.reserve((0..<count).map { id + "-" + String($0 + 1) })
            }
            var grouped = Slugger()
            grouped.reserve(set: reserved)
            for (id, count) in checklists { grouped.reserve(prefix: id, numberedUpTo: count) }
            #expect(order.map { one.slug(for: $0) } == order.map { grouped.slug(for: $0) }, "\(order)")
        }
    }

    @Test func aNumberedRangeTakesOnlyItsOwnNumbers() {
        var slugger = Slugger()
        slugger.reserve(prefix: "check-a", numberedUpTo: 2)
        #expect(
            ["check a", "check a 1", "check a 2", "check a 3", "check a 02", "check a 1"].map { slugger.slug(for: $0) } == [
                "check-a-3", "check-a-1-1", "check-a-2-1", "check-a-3-1", "check-a-02", "check-a-1-2",
            ])
    }

    /// ASCII headings take a byte path; a closing ’ (dropped by the rules) sends the same text down the
    /// scalar path, which must give the same slug.
    @Test func asciiHeadingsAreSluggedAsByTheScalarPath() {
        let pieces = ["a", "Z", "q", "0", "9", " ", "-", "'", "_", ".", "?", "!", "(", ")", "@", "~", "\t", "`", "[", "{", "/", ":"]
        var draws = SeededDraws(seed: 0x0123_4567_89AB_CDEF)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        for _ in 0..<3_000 {
            let text = (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            if Slugger.slugify(text) != Slugger.slugifyScalars(text) { disagreements.append(text) }
        }
        #expect(disagreements == [])
        #expect(Slugger.slugify("What's NEW in 2025? (Step-by-step)") == "whats-new-in-2025-step-by-step")
    }

    /// `slug(for:)` stores a new slug with the lookup that finds it new, and compares with `fn-` and `fnref-`
    /// only slugs that start with `f`: on seeded random headings its ids must be those of the slugger as
    /// it was (kept here, over a plain dictionary of taken ids).
    @Test func idsAreThoseOfTheDictionarySlugger() {
        let pieces = ["fn", "fnref", "f", "Fn", "n", " ", "-", "1", "2", "section", "ref", "é", "main", "x"]
        var draws = SeededDraws(seed: 0x51A6_6E40_0000_0005)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [[String]] = []
        for _ in 0..<400 {
            let headings = (0..<next(12)).map { _ in (0..<next(4)).map { _ in pieces[next(pieces.count)] }.joined() }
            var slugger = Slugger()
            slugger.reserve(["main", "section-1"])
            var used: [String: Int] = ["main": 0, "section-1": 0]
            let ids = headings.map { slugger.slug(for: $0) }
            if ids != headings.map({ Self.referenceSlug(for: $0, used: &used) }) { disagreements.append(headings) }
        }
        #expect(disagreements == [])
        var slugger = Slugger()
        #expect(
            ["fn 1", "Fn 1", "fnref 2", "fun", "section fn 1"].map { slugger.slug(for: $0) } == [
                "section-fn-1", "section-fn-1-1", "section-fnref-2", "fun", "section-fn-1-2",
            ])
    }

    /// `Slugger.slug(for:)` as it was, every taken id in `used`.
    static func referenceSlug(for text: String, used: inout [String: Int]) -> String {
        let slug = Slugger.slugify(text)
        let footnoteLike = slug.hasPrefix("fn-") || slug.hasPrefix("fnref-")
        let base = slug.isEmpty ? "section" : footnoteLike ? "section-" + slug : slug
        var candidate = base
        if let previous = used[base] {
            var counter = previous
            repeat {
                counter += 1
                candidate = "\(base)-\(counter)"
            } while used[candidate] != nil
            used[base] = counter
        }
        used[candidate] = 0
        return candidate
    }

    /// Accented Latin letters (U+00C0–U+017F) take a byte path with a table of the ASCII letters they
    /// decompose to: every one of them, and seeded random texts mixing them with ASCII, combining accents,
    /// ’ and letters the table leaves to Foundation, must be slugged as `slugifyScalars` slugs them.
    @Test func accentedHeadingsAreSluggedAsByTheScalarPath() {
        #expect(Slugger.latinBases.utf8CodeUnitCount == 0x180 - 0xC0)
        var disagreements: [String] = []
        for value in 0x80...0x24F {
            let letter = String(Unicode.Scalar(value)!)
            for text in [letter, "a" + letter + "b", "A " + letter.uppercased() + " 2", letter + "\u{301}x"]
            where Slugger.slugify(text) != Slugger.slugifyScalars(text) {
                disagreements.append(text)
            }
        }
        let pieces = [
            "é", "È", "à", "Ç", "ô", "Ü", "ñ", "ÿ", "Ÿ", "ž", "Ő", "ĳ", "Æ", "œ", "ß", "Ø", "×", "e\u{301}", "\u{301}", "\u{36F}",
            "\u{370}", "\u{2019}", "’s", "'", " ", "-", "a", "Z", "9", "日", "\u{1E9E}", "Qu’est-ce", "\u{2013}",
        ]
        var draws = SeededDraws(seed: 0xACCE_47ED_0000_0007)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        for _ in 0..<4_000 {
            let text = (0..<next(10)).map { _ in pieces[next(pieces.count)] }.joined()
            if Slugger.slugify(text) != Slugger.slugifyScalars(text) { disagreements.append(text) }
        }
        #expect(disagreements == [])
        #expect(Slugger.slugify("Qu’est-ce que Meta utilise ?") == "quest-ce-que-meta-utilise")
        #expect(Slugger.slugify("Œuvres d’été") == "œuvres-dete")
    }
}
