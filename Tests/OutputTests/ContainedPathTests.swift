import Testing

@testable import Output

/// `SiteWriter.isContained`: which relative paths a build may write, checked on bytes as the file system
/// reads them.
@Suite struct ContainedPathTests {
    @Test(arguments: ["index.html", "fr/a/index.html", "fr//a/", "a/.../b", "a/.b/c", "é/ü.html", "a/b.."])
    func pathsInsideTheOutputAreAccepted(path: String) {
        #expect(SiteWriter.isContained(path))
    }

    @Test(arguments: [
        "", "/etc/passwd", "..", ".", "a/../b", "a/./b", "a/..", "../a", "a\\b", "a\u{0}b",
        // A combining mark after `/` made `/\u{301}` one character, so a split into characters saw no `..` part.
        "a/../\u{301}b",
    ])
    func pathsThatLeaveTheOutputOrAreUnclearAreRefused(path: String) {
        #expect(!SiteWriter.isContained(path))
    }
}
