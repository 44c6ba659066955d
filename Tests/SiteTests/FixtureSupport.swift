import Foundation
import Site
import Testing

/// Paths and helpers shared by the fixture-site tests.
enum Fixtures {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/Fixtures`.
    static let directory = root.appendingPathComponent("Tests/Fixtures")
    /// Set `GUIDEPOST_RECORD=1` to rewrite expected outputs from the current build.
    static let recording = ProcessInfo.processInfo.environment["GUIDEPOST_RECORD"] == "1"

    /// The `basic` fixture's content and the real theme, copied into a new folder (to be edited), and the
    /// options that build it.
    static func copyOfBasicSite() throws -> (options: BuildOptions, work: URL) {
        let work = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(
            at: Fixtures.directory.appendingPathComponent("basic/content"), to: work.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: Fixtures.root.appendingPathComponent("templates"), to: work.appendingPathComponent("templates"))
        let options = BuildOptions(
            contentDirectory: work.appendingPathComponent("content").path,
            templatesDirectory: work.appendingPathComponent("templates").path, now: Fixtures.now)
        return (options, work)
    }

    /// A new empty temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("guidepost-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies `source` over `destination`, file by file (an overlay: existing files are replaced).
    static func overlay(_ source: URL, onto destination: URL) throws {
        let manager = FileManager.default
        guard let walker = manager.enumerator(at: source, includingPropertiesForKeys: [.isDirectoryKey]) else { return }
        for case let file as URL in walker {
            let relative = String(file.path.dropFirst(source.path.count + 1))
            let target = destination.appendingPathComponent(relative)
            if (try file.resourceValues(forKeys: [.isDirectoryKey])).isDirectory == true {
                try manager.createDirectory(at: target, withIntermediateDirectories: true)
            } else {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
                try manager.copyItem(at: file, to: target)
            }
        }
    }

    /// Every regular file under `directory`, as relative path → bytes, leaving out the output marker
    /// (`.guidepost-output`, which every build writes; `OutputGuardTests` checks it).
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let file as URL in walker
        where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true
            && file.lastPathComponent != ".guidepost-output"
        {
            files[String(file.path.dropFirst(directory.path.count + 1))] = try Data(contentsOf: file)
        }
        return files
    }

    /// The fixture `name`'s own minimal templates (`Tests/Fixtures/<name>/templates/`), so its expected
    /// output tests the engine, not the theme (which the committed `site/` and the browser tests cover).
    static func templates(of name: String) -> URL {
        directory.appendingPathComponent(name).appendingPathComponent("templates")
    }

    /// A fixed "now" for fixture builds.
    static let now = BuildOptions.parseInstant("2025-05-24T10:00:00Z")!
}
