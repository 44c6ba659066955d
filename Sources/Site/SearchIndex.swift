import Diagnostics
import Foundation

/// Runs Pagefind over a written site: one index per `<html lang>`, in `pagefind/`.
enum SearchIndex {
    /// Indexes `site` with the Pagefind executable `pagefind` (else `pagefind` on the `PATH`).
    /// Pagefind lists languages in `pagefind-entry.json` in hash-map order; the file is rewritten
    /// with sorted keys so that the same inputs give the same bytes.
    static func build(in site: URL, pagefind: String?, config: String) throws(BuildError) {
        guard let executable = pagefind ?? find("pagefind") else { throw .pagefindNotFound(SourceLocation(path: config), path: "") }
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw .pagefindNotFound(SourceLocation(path: config), path: executable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--site", site.path, "--output-subdir", "pagefind", "--silent"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            throw .io(SourceLocation(path: executable), detail: "Pagefind could not be started: \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw .io(SourceLocation(path: executable), detail: "Pagefind failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let entry = site.appendingPathComponent("pagefind/pagefind-entry.json")
        do {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: entry))
            try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]).write(to: entry)
        } catch {
            throw .io(SourceLocation(path: entry.path), detail: "Pagefind wrote no readable index entry: \(error.localizedDescription)")
        }
    }

    /// The first executable called `name` on the `PATH`.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
