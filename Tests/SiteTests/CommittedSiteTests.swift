import Foundation
import Site
import Testing

/// `site/` is committed and must always be exactly what a build of `content/` and `templates/` produces.
@Suite struct CommittedSiteTests {
    @Test func committedSiteEqualsAFreshBuildWithItsRecordedNow() throws {
        let site = Fixtures.root.appendingPathComponent("site")
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("build.json"))) as? [String: Any]
        let recorded = try #require(record?["now"] as? String)
        let now = try #require(BuildOptions.parseInstant(recorded))
        let built = try Guidepost.buildInMemory(
            BuildOptions(
                contentDirectory: Fixtures.root.appendingPathComponent("content").path,
                templatesDirectory: Fixtures.root.appendingPathComponent("templates").path, now: now))
        // Pagefind's index is written by the search step after rendering; Tests/python/test_committed_site.py
        // compares it too, from a full build on disk.
        let committed = try Fixtures.snapshot(site).filter { !$0.key.hasPrefix("pagefind/") }
        let fresh = Dictionary(uniqueKeysWithValues: built.files.map { ($0.path, Data($0.bytes)) })
        #expect(committed.keys.sorted() == fresh.keys.sorted(), "site/ has other files than a build makes; run make site NOW=\(recorded)")
        for (path, data) in fresh.sorted(by: { $0.key < $1.key }) where committed[path] != data {
            Issue.record("site/\(path) is not what the build produces; rebuild with make site NOW=\(recorded) and commit it")
        }
    }
}
