import Foundation
import Testing

/// The command line owns the environment: no core target reads it, each takes plain values.
@Suite struct CoreEnvironmentTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every Swift file under `Sources/<target>`, with its text.
    static func files(of target: String) throws -> [(path: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, String)] = []
        for case let file as URL in walker where file.pathExtension == "swift" {
            files.append((String(file.path.dropFirst(sources.path.count + 1)), try String(contentsOf: file, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test func noCoreTargetReadsTheEnvironment() throws {
        var found: [String] = []
        for target in ["Diagnostics", "CLDR", "Markdown", "Content", "Images", "Templates", "Output", "Site", "PreviewServer"] {
            let files = try Self.files(of: target)
            #expect(!files.isEmpty, "no sources found for \(target)")
            for (path, text) in files where text.contains("ProcessInfo") || text.contains("getenv(") { found.append(path) }
        }
        #expect(found == [])
    }
}
