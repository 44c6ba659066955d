import Foundation
import Site
import Testing

/// A copy of the invalid-sites corpus's valid base site in a temporary folder, to build with edits.
struct ValueSite {
    let work: URL
    var content: URL { work.appendingPathComponent("content") }
    var output: URL { work.appendingPathComponent("site") }

    init() throws {
        work = try Fixtures.temporaryDirectory()
        try Fixtures.overlay(Fixtures.directory.appendingPathComponent("invalid/_base"), onto: work)
        try FileManager.default.copyItem(
            at: Fixtures.root.appendingPathComponent("templates"), to: work.appendingPathComponent("templates"))
    }

    /// Replaces `old` by `new` in the file at `relative` under `content/`.
    func edit(_ relative: String, _ old: String, _ new: String) throws {
        let url = content.appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(relative) has no \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Build options for this site.
    func options(now: Date = Fixtures.now) -> BuildOptions {
        BuildOptions(
            contentDirectory: content.path, templatesDirectory: work.appendingPathComponent("templates").path,
            outputDirectory: output.path, now: now)
    }

    /// The error lines of a failed build, paths relative to the work folder.
    func errors(_ options: BuildOptions) -> [String] {
        do {
            _ = try Guidepost.build(options)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: work.path + "/", with: "") }
        }
    }
}
