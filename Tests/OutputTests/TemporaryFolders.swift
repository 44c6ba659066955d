import Foundation

/// Temporary folders for the output tests, and what they hold.
enum Fixtures {
    /// A new, empty temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("guidepost-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `directory` (by relative path) with its bytes, leaving out the output marker
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
}
