import Foundation
import Site
import Testing

/// The preview's search index: Pagefind in the background over the pages in memory, in a private folder,
/// coalescing edits that arrive while it runs, and saying plainly when search is unavailable.
@Suite struct PreviewSearchTests {
    /// The lines a `PreviewSearch` printed.
    final class Notices: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// A stand-in for Pagefind: logs its arguments, waits `delay` seconds, then writes the pages it saw
    /// (the top-level `.html` files, concatenated) to `pagefind/pages.txt` with an index entry; or fails.
    func fakePagefind(in work: URL, delay: Double = 0, fails: Bool = false) throws -> (executable: String, log: URL) {
        let log = work.appendingPathComponent("runs.log")
        let script = work.appendingPathComponent("pagefind")
        let body =
            fails
            ? "echo 'index broken' >&2\nexit 3\n"
            : """
            sleep \(delay)
            mkdir -p "$2/pagefind"
            cat "$2"/*.html > "$2/pagefind/pages.txt"
            echo '{"languages":{}}' > "$2/pagefind/pagefind-entry.json"

            """
        // Written with O_CLOEXEC, then renamed into place: a program another test starts meanwhile must not
        // inherit a descriptor open for writing (exec would then fail with "Text file busy").
        let text = Array("#!/bin/sh\necho \"$@\" >> '\(log.path)'\n\(body)".utf8)
        let staged = script.path + ".new"
        let descriptor = open(staged, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        try #require(descriptor >= 0)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        try #require(written == text.count && rename(staged, script.path) == 0)
        return (script.path, log)
    }

    func runs(_ log: URL) -> [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Waits (at most 20 s, a guard against hanging, not a timing check) until `condition` holds.
    func waitFor(_ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(20)
        while !condition(), Date() < deadline { usleep(10_000) }
    }

    func pages(_ text: String) -> [String: [UInt8]] {
        ["index.html": Array("<p>\(text)</p>\n".utf8), "assets/style.css": Array("body{}".utf8)]
    }

    @Test func indexesThePagesInAPrivateFolderWithTheBuildsArgumentsAndServesTheIndex() throws {
        let work = try Fixtures.temporaryDirectory()
        let (pagefind, log) = try fakePagefind(in: work)
        let notices = Notices()
        let search = PreviewSearch(pagefind: pagefind, config: "content/site.json") { notices.add($0) }
        #expect(search.state == .indexing)
        search.update(pages("premier"))
        waitFor { search.state != .indexing }
        #expect(search.state == .ready)
        #expect(search.file("pagefind/pages.txt").map { String(decoding: $0, as: UTF8.self) } == "<p>premier</p>\n")
        #expect(search.file("pagefind/pagefind-entry.json") != nil)
        #expect(search.file("index.html") == nil)
        let arguments = runs(log)
        #expect(arguments.count == 1)
        let site = arguments.first?.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        #expect(arguments.first == "--site \(site) --output-subdir pagefind --silent")
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory()).standardizedFileURL.path
        #expect(site.hasPrefix(temporary + "/guidepost-serve-search."))
        // Only the pages are written for Pagefind.
        #expect(FileManager.default.fileExists(atPath: site + "/index.html"))
        #expect(!FileManager.default.fileExists(atPath: site + "/assets"))
        #expect(notices.all.count == 1)
        #expect(notices.all.first?.hasPrefix("search index made: 1 page in ") == true)

        // The same pages again: Pagefind does not run.
        search.update(pages("premier"))
        usleep(300_000)
        #expect(runs(log).count == 1)
        search.update(pages("second"))
        waitFor { search.file("pagefind/pages.txt").map { String(decoding: $0, as: UTF8.self) } == "<p>second</p>\n" }
        #expect(runs(log).count == 2)

        // Closing removes the private folder.
        let folder = URL(fileURLWithPath: site).deletingLastPathComponent().path
        search.close()
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func aPageThatIsGoneIsRemovedFromThePagesPagefindReads() throws {
        let work = try Fixtures.temporaryDirectory()
        let (pagefind, _) = try fakePagefind(in: work)
        let search = PreviewSearch(pagefind: pagefind, config: "content/site.json") { _ in }
        defer { search.close() }
        var files = pages("premier")
        files["other.html"] = Array("<p>autre</p>\n".utf8)
        search.update(files)
        waitFor { search.state == .ready }
        #expect(search.file("pagefind/pages.txt").map { String(decoding: $0, as: UTF8.self) } == "<p>premier</p>\n<p>autre</p>\n")
        files["other.html"] = nil
        search.update(files)
        waitFor { search.file("pagefind/pages.txt").map { String(decoding: $0, as: UTF8.self) } == "<p>premier</p>\n" }
        #expect(search.file("pagefind/pages.txt").map { String(decoding: $0, as: UTF8.self) } == "<p>premier</p>\n")
    }

    @Test func editsThatArriveWhilePagefindRunsAreIndexedOnceAfterIt() throws {
        let work = try Fixtures.temporaryDirectory()
        let (pagefind, log) = try fakePagefind(in: work, delay: 0.5)
        let search = PreviewSearch(pagefind: pagefind, config: "content/site.json") { _ in }
        defer { search.close() }
        search.update(pages("v1"))
        waitFor { runs(log).count == 1 }
        for version in 2...6 { search.update(pages("v\(version)")) }
        waitFor { search.file("pagefind/pages.txt").map { String(decoding: $0, as: UTF8.self) } == "<p>v6</p>\n" }
        #expect(search.file("pagefind/pages.txt").map { String(decoding: $0, as: UTF8.self) } == "<p>v6</p>\n")
        #expect(runs(log).count == 2, "one run for v1, then one for the newest of v2 … v6")
    }

    @Test func aMissingPagefindMakesSearchUnavailableWithTheBuildsMessage() throws {
        let work = try Fixtures.temporaryDirectory()
        let notices = Notices()
        var advice = FrontEndAdvice()
        advice.installPagefind = "install it (pip install 'pagefind[bin]', or make site), pass --pagefind <path>"
        let search = PreviewSearch(
            pagefind: work.appendingPathComponent("no-such/pagefind").path, config: "content/site.json", advice: advice
        ) {
            notices.add($0)
        }
        search.update(pages("premier"))
        waitFor { search.state != .indexing }
        #expect(search.state == .unavailable)
        #expect(
            notices.all == [
                #"search is unavailable in the preview: content/site.json:1:1: error: "search" is on but Pagefind was not found at \#(work.path)/no-such/pagefind; install it (pip install 'pagefind[bin]', or make site), pass --pagefind <path>, or set "search": false in content/site.json"#
            ])
        // It is not looked for again at every edit.
        search.update(pages("second"))
        usleep(100_000)
        #expect(notices.all.count == 1)
    }

    @Test func aFailingPagefindBeforeAnyIndexMakesSearchUnavailableAndAfterKeepsTheLastIndex() throws {
        let work = try Fixtures.temporaryDirectory()
        let notices = Notices()
        let failing = try fakePagefind(in: work, fails: true)
        let search = PreviewSearch(pagefind: failing.executable, config: "content/site.json") { notices.add($0) }
        defer { search.close() }
        search.update(pages("premier"))
        waitFor { search.state != .indexing }
        #expect(search.state == .unavailable)
        #expect(
            notices.all == [
                "search is unavailable in the preview: \(failing.executable):1:1: error: cannot read or write this file (Pagefind failed: index broken); check that it exists and is readable"
            ])

        // Once Pagefind works, the index is served; when it fails again, the last index stays.
        _ = try fakePagefind(in: work)
        search.update(pages("second"))
        waitFor { search.state == .ready }
        #expect(search.file("pagefind/pages.txt").map { String(decoding: $0, as: UTF8.self) } == "<p>second</p>\n")
        _ = try fakePagefind(in: work, fails: true)
        search.update(pages("troisième"))
        waitFor { notices.all.count == 3 }
        #expect(search.state == .ready)
        #expect(search.file("pagefind/pages.txt").map { String(decoding: $0, as: UTF8.self) } == "<p>second</p>\n")
        #expect(
            notices.all.last
                == "search index not updated (the previous one is still served): \(failing.executable):1:1: error: cannot read or write this file (Pagefind failed: index broken); check that it exists and is readable"
        )
    }
}
