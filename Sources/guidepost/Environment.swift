import Foundation
import Site

/// What the command line reads from the process (the clock, `SOURCE_DATE_EPOCH`, the `PATH`) and its own
/// flags' wording; the core gets plain values.
extension BuildOptions {
    /// "Now": the `--now` value, else `SOURCE_DATE_EPOCH`, else the clock.
    static func resolveNow(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        if let flag {
            switch parseNow(flag) {
            case .success(let date): return date
            case .failure(let problem): throw ValidationFailure("--now: \"\(flag)\" \(problem.description)")
            }
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch) else { throw ValidationFailure("SOURCE_DATE_EPOCH=\(epoch) is not a whole number of seconds") }
            guard (0...253_402_300_799).contains(seconds) else {
                throw ValidationFailure(
                    "SOURCE_DATE_EPOCH=\(epoch) is out of range; use a whole number of seconds from 0 (1970-01-01T00:00:00Z) to 253402300799 (9999-12-31T23:59:59Z)"
                )
            }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    /// Checks a `--base-url` value: an absolute http(s) URL with a host and no query or fragment.
    static func checkBaseURL(_ flag: String?) throws(ValidationFailure) {
        if let flag, let problem = baseURLProblem(flag) { throw ValidationFailure("--base-url: \"\(flag)\" \(problem)") }
    }

    /// How the command line's flags and `make site` change what the core reports about.
    static let commandLineAdvice: FrontEndAdvice = {
        var advice = FrontEndAdvice()
        advice.lockedOutput = "leave out --no-wait to wait for it"
        advice.pagefindTimeout = "allow more time with --pagefind-timeout"
        advice.installPagefind = "install it (pip install 'pagefind[bin]', or make site), pass --pagefind <path>"
        advice.markTranslation = "run guidepost translations mark"
        advice.newPages = "guidepost new"
        return advice
    }()
}

/// The first executable called `name` on the `PATH` of `environment`.
func executableOnPath(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
