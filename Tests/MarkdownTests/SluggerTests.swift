import Markdown
import Testing

/// Ids reserved as a set or as a numbered range must be taken exactly as if each had been reserved one by one.
@Suite struct SluggerTests {
    @Test func reservedSetsAndRangesAreTakenLikeSingleIds() {
        let headings = [
            "Main", "main", "Check a", "check-a-1", "check-a-3", "check-a-4", "check-a-01", "check-a-0", "check-a", "check-a--1",
            "check-a-1-1", "Check A 2", "list-1", "list-1-1", "list-1-2", "list-12", "nav", "nav-1", "Résumé", "resume", "x",
        ]
        let reserved: Set<String> = ["main", "nav", "resume", "search"]
        let checklists = [("check-a", 3), ("list-1", 1), ("list-12", 0)]
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
        var state: UInt64 = 0x0123_4567_89AB_CDEF
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var disagreements: [String] = []
        for _ in 0..<3_000 {
            let text = (0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined()
            if Slugger.slugify(text) != Slugger.slugify(text + "\u{2019}") { disagreements.append(text) }
        }
        #expect(disagreements == [])
        #expect(Slugger.slugify("What's NEW in 2025? (Step-by-step)") == "whats-new-in-2025-step-by-step")
    }
}
