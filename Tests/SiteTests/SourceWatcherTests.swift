import Foundation
import Testing

@testable import Site

/// The file watcher behind `guidepost serve`: inotify, following new folders, coalescing editors' saves.
@Suite struct SourceWatcherTests {
    func makeTree() throws -> (root: String, content: String) {
        let work = try Fixtures.temporaryDirectory().path
        let content = work + "/content"
        try FileManager.default.createDirectory(atPath: content + "/fr", withIntermediateDirectories: true)
        try "a".write(toFile: content + "/fr/a.md", atomically: false, encoding: .utf8)
        try "b".write(toFile: content + "/fr/b.md", atomically: false, encoding: .utf8)
        return (work, content)
    }

    func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test(arguments: [SourceWatcher.Mode.notify, .poll])
    func editsAdditionsAndRemovals(mode: SourceWatcher.Mode) throws {
        let (work, content) = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let watcher = SourceWatcher(roots: [content], interval: 0.05, mode: mode)
        #expect(watcher.takeNotices() == [])
        try write("a, edited", content + "/fr/a.md")
        #expect(watcher.next() == [content + "/fr/a.md"])
        try write("c", content + "/fr/c.md")
        try FileManager.default.removeItem(atPath: content + "/fr/b.md")
        #expect(watcher.next() == [content + "/fr/b.md", content + "/fr/c.md"])
    }

    @Test func anEditorSavingThroughATemporaryFileAndARenameIsOneChange() throws {
        let (work, content) = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let watcher = SourceWatcher(roots: [content])
        // What vim, VS Code and others do: write a temporary file beside the page, rename it over the page.
        try write("a, saved", content + "/fr/.a.md.tmp")
        #expect(rename(content + "/fr/.a.md.tmp", content + "/fr/a.md") == 0)
        try write("b, saved", content + "/fr/b.md~")
        try FileManager.default.removeItem(atPath: content + "/fr/b.md~")
        #expect(watcher.next() == [content + "/fr/a.md"])
    }

    @Test func foldersCreatedLaterAreWatchedToo() throws {
        let (work, content) = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let watcher = SourceWatcher(roots: [content])
        try FileManager.default.createDirectory(atPath: content + "/nl/gidsen", withIntermediateDirectories: true)
        try write("n", content + "/nl/gidsen/n.md")
        #expect(watcher.next() == [content + "/nl/gidsen/n.md"])
        try write("n, edited", content + "/nl/gidsen/n.md")
        #expect(watcher.next() == [content + "/nl/gidsen/n.md"])
        // A folder moved in from outside brings its files; one moved out takes them away.
        try FileManager.default.createDirectory(atPath: work + "/outside", withIntermediateDirectories: true)
        try write("x", work + "/outside/x.md")
        #expect(rename(work + "/outside", content + "/en") == 0)
        #expect(watcher.next() == [content + "/en/x.md"])
        #expect(rename(content + "/en", work + "/gone") == 0)
        #expect(watcher.next() == [content + "/en/x.md"])
        try write("x, edited outside", work + "/gone/x.md")
        try write("a, edited", content + "/fr/a.md")
        #expect(watcher.next() == [content + "/fr/a.md"], "the folder moved out is no longer watched")
    }

    @Test func aFolderInotifyRefusesIsPolledAndTheTerminalIsToldOnce() throws {
        let (work, content) = try makeTree()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.createDirectory(atPath: content + "/nl", withIntermediateDirectories: true)
        try write("n", content + "/nl/n.md")
        // As when the watch limit (fs.inotify.max_user_watches) is reached: inotify refuses fr/ and nl/.
        let watcher = SourceWatcher(roots: [content], interval: 0.05, mode: .notify) { descriptor, folder, mask in
            if folder.hasSuffix("/fr") || folder.hasSuffix("/nl") {
                errno = ENOSPC
                return -1
            }
            return inotify_add_watch(descriptor, folder, mask)
        }
        let notices = watcher.takeNotices()
        #expect(notices.count == 1)
        #expect(
            ["fr", "nl"].map {
                "cannot watch \(content)/\($0) with inotify (No space left on device): polling it, and any other folder inotify refuses, every 50 ms"
            }
            .contains(notices.first ?? ""), "\(notices)")
        #expect(watcher.takeNotices() == [], "said once")
        try write("a, edited", content + "/fr/a.md")
        #expect(watcher.next() == [content + "/fr/a.md"])
        try write("n, edited and longer", content + "/nl/n.md")
        try write("root", content + "/site.json")
        #expect(watcher.next() == [content + "/nl/n.md", content + "/site.json"])
        #expect(watcher.takeNotices() == [])
    }
}
