import Testing

@testable import Site

@Suite struct FixedLinkTests {
    /// From every kind of page path (the root, a language, nested folders, doubled or missing slashes, a first
    /// part equal to the target's, one canonically equal but written with other bytes, deeper than the tables),
    /// a fixed link is exactly the one `Router.relative` makes.
    @Test func givesWhatRouterRelativeGives() throws {
        let targets = [
            "", "assets/style.0123456789.css", "assets/guidepost.js", "pagefind/pagefind-ui.js", "fr/", "fr/feed.xml", "\u{E9}t\u{E9}/",
            "style.css",
        ]
        let paths = [
            "", "/", "fr/", "fr/a/", "fr/a/b/", "nl/a/", "assets/", "assets/x/", "pagefind/", "fr", "fr//a/", "/fr/a/",
            "\u{E9}t\u{E9}/a/", "e\u{301}te\u{301}/a/", "style.css/", String(repeating: "fr/a/", count: 9),
        ]
        for target in targets {
            let fixed = try #require(FixedLink(target, depths: 4))
            for path in paths {
                #expect(fixed.link(from: FixedLink.Origin(path)) == Router.relative(from: path, to: target), "from \(path) to \(target)")
            }
        }
    }

    /// A target of three parts or more could share more than its first part with a page's path: no table then.
    @Test func refusesDeeperTargets() {
        #expect(FixedLink("fr/a/b.html") == nil)
        #expect(FixedLink("fr/a/") == nil)
        #expect(FixedLink("fr/a.html") != nil)
    }
}
