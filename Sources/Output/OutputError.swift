import Diagnostics

/// A problem writing the output folder, with where it is: Guidepost refuses to destroy what it did not make.
///
/// Every case's first value is the location (`finish` carries a whole diagnostic); `message` says in plain words what is wrong and how to fix it.
public enum OutputError: Error, Hashable, Sendable, DiagnosticConvertible {
    /// A file could not be read or written.
    case io(SourceLocation, detail: String)
    /// A file or folder cannot be opened, listed or read; `problem` says why and how to fix it.
    case unreadable(SourceLocation, problem: String)
    /// The output folder cannot be used: Guidepost could destroy or hide something it did not make.
    case unsafeOutput(SourceLocation, reason: String)
    /// Another build holds the output's lock.
    /// `advice`, from the front end, says how to make a build wait instead (its flag).
    case outputLocked(SourceLocation, lock: String, advice: String?)
    /// The disk filled up while this file was written (`needed`: the whole site's size; `available`: free bytes, if known).
    case diskFull(SourceLocation, needed: Int, available: Int?)
    /// The step run on the staged site before it replaces the output (a search indexer) failed; `problem` says how.
    case finish(Diagnostic)

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .io(let location, _), .unreadable(let location, _), .unsafeOutput(let location, _), .outputLocked(let location, _, _),
            .diskFull(let location, _, _):
            return location
        case .finish(let problem):
            return problem.location
        }
    }

    /// What is wrong and how to fix it, in plain words, without the location.
    public var message: String {
        switch self {
        case .finish(let problem):
            return problem.text
        case .io(_, let detail):
            return "cannot read or write this file (\(detail)); check that it exists and is readable"
        case .unreadable(_, let problem):
            return problem
        case .unsafeOutput(_, let reason):
            return reason
        case .outputLocked(_, let lock, let advice):
            return "another Guidepost build is writing this output folder (it holds \(lock)); wait for it to finish and try again"
                + (advice.map { ", or \($0)" } ?? "")
        case .diskFull(_, let needed, let available):
            func size(_ bytes: Int) -> String {
                bytes < 1_000_000
                    ? "\(Int((Double(bytes) / 1_000).rounded(.up))) KB" : "\(Int((Double(bytes) / 1_000_000).rounded(.up))) MB"
            }
            let free = available.map { ", and \(size($0)) are free" } ?? ""
            return
                "the disk is full, so this file could not be written; the site needs about \(size(needed))\(free): free some space and build again (the previous site is left as it was)"
        }
    }

    /// The problem as a diagnostic; a failed finishing step reports its own.
    public var diagnostic: Diagnostic {
        if case .finish(let problem) = self { return problem }
        return Diagnostic(location: location, message: message)
    }
}
