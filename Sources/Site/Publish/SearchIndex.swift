import Diagnostics
import Foundation

/// Runs Pagefind over a written site: one index per `<html lang>`, in `pagefind/`.
enum SearchIndex {
    /// Indexes `site` with the Pagefind executable `pagefind` (nil: none was found on the `PATH`); the errors
    /// end with the front end's `advice`.
    /// Pagefind lists languages in `pagefind-entry.json` in hash-map order; the file is rewritten
    /// with sorted keys so that the same inputs give the same bytes.
    /// `started` gets Pagefind's process group id while it runs (the preview stops it on exit).
    static func build(
        in site: URL, pagefind: String?, config: String, timeout: Int = 600, advice: FrontEndAdvice = FrontEndAdvice(),
        started: (pid_t) -> Void = { _ in }
    ) throws(SiteError) {
        let executable = try Self.executable(pagefind, config: config, advice: advice).get()
        let arguments = ["--site", site.path, "--output-subdir", "pagefind", "--silent"]
        let result: ChildProcess.Outcome
        do { result = try ChildProcess.run(executable, arguments, timeout: timeout, started: started) } catch {
            throw SiteError.io(SourceLocation(path: executable), detail: "Pagefind could not be started: \(error)")
        }
        switch result {
        case .timedOut:
            throw SiteError.toolTimedOut(
                SourceLocation(path: executable), tool: "Pagefind", seconds: timeout, advice: advice.pagefindTimeout)
        case .exited(let status, let message) where status != 0:
            throw SiteError.io(
                SourceLocation(path: executable), detail: "Pagefind failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        case .exited:
            break
        }
        let entry = site.appendingPathComponent("pagefind/pagefind-entry.json")
        do {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: entry))
            try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]).write(to: entry)
        } catch {
            throw SiteError.io(
                SourceLocation(path: entry.path), detail: "Pagefind wrote no readable index entry: \(error.localizedDescription)")
        }
    }

    /// The Pagefind executable `pagefind` (nil: none was found on the `PATH`), or why it cannot be run.
    static func executable(_ pagefind: String?, config: String, advice: FrontEndAdvice = FrontEndAdvice()) -> Result<String, SiteError> {
        guard let executable = pagefind else {
            return .failure(.pagefindNotFound(SourceLocation(path: config), path: "", install: advice.installPagefind))
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            return .failure(.pagefindNotFound(SourceLocation(path: config), path: executable, install: advice.installPagefind))
        }
        return .success(executable)
    }
}
