import Foundation
import Testing

/// Diagnostics is the bottom target: its sources name no other stage's files, flags or commands.
@Suite struct DiagnosticsBoundaryTests {
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

    @Test func diagnosticsNamesNoOtherStagesFilesFlagsOrCommands() throws {
        let files = try Self.files(of: "Diagnostics")
        #expect(files.count >= 5)
        // Template files, command names, flags, make targets, and the folders other stages read.
        let foreign = [".mustache", "guidepost ", "--", "make ", "content/", "templates/", "site.json", "Pagefind"]
        var found: [String] = []
        for (path, text) in files {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for word in foreign where line.contains(word) { found.append("\(path):\(number + 1): \(word)") }
            }
        }
        #expect(found == [])
    }
}
