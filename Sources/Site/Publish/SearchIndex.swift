import Diagnostics
import Foundation

/// Runs Pagefind over a written site: one index per `<html lang>`, in `pagefind/`.
enum SearchIndex {
    /// Indexes `site` with the Pagefind executable `pagefind` (else `pagefind` on the `PATH`).
    /// Pagefind lists languages in `pagefind-entry.json` in hash-map order; the file is rewritten
    /// with sorted keys so that the same inputs give the same bytes.
    /// `started` gets Pagefind's process group id while it runs (the preview stops it on exit).
    static func build(
        in site: URL, pagefind: String?, config: String, timeout: Int = 600, started: (pid_t) -> Void = { _ in }
    ) throws(BuildError) {
        let executable = try Self.executable(pagefind, config: config).get()
        let arguments = ["--site", site.path, "--output-subdir", "pagefind", "--silent"]
        let result: ChildProcess.Outcome
        do { result = try ChildProcess.run(executable, arguments, timeout: timeout, started: started) } catch {
            throw .io(SourceLocation(path: executable), detail: "Pagefind could not be started: \(error)")
        }
        switch result {
        case .timedOut:
            throw .toolTimedOut(SourceLocation(path: executable), tool: "Pagefind", seconds: timeout)
        case .exited(let status, let message) where status != 0:
            throw .io(
                SourceLocation(path: executable), detail: "Pagefind failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        case .exited:
            break
        }
        let entry = site.appendingPathComponent("pagefind/pagefind-entry.json")
        do {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: entry))
            try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]).write(to: entry)
        } catch {
            throw .io(SourceLocation(path: entry.path), detail: "Pagefind wrote no readable index entry: \(error.localizedDescription)")
        }
    }

    /// The Pagefind executable `pagefind` (else `pagefind` on the `PATH`), or why it cannot be run.
    static func executable(_ pagefind: String?, config: String) -> Result<String, BuildError> {
        guard let executable = pagefind ?? find("pagefind") else {
            return .failure(.pagefindNotFound(SourceLocation(path: config), path: ""))
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            return .failure(.pagefindNotFound(SourceLocation(path: config), path: executable))
        }
        return .success(executable)
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
