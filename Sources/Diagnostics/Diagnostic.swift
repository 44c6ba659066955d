/// One problem a run reports: where it is, how serious, what is wrong and how to fix it.
///
/// Stages keep their own typed errors and convert them with `DiagnosticConvertible`; this is the one shape
/// every stage's problems take once reported.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Whether a problem stops the run.
    public enum Severity: String, Hashable, Sendable {
        /// The run fails.
        case error
        /// The run goes on; the problem is shown.
        case warning
    }

    /// Where the problem is.
    public var location: SourceLocation
    /// Whether it stops the run.
    public var severity: Severity
    /// What is wrong, in plain words (for most stages' errors, followed by how to fix it).
    public var message: String
    /// How to fix it, when a stage words it apart from `message` (printed after it, joined by "; ").
    /// Optional: the stages' messages already end with their fix, so that printed texts stay as they are.
    public var fix: String?

    /// Creates a diagnostic.
    public init(location: SourceLocation, severity: Severity = .error, message: String, fix: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.fix = fix
    }

    /// The message and the fix, as printed after the location.
    public var text: String { fix.map { "\(message); \($0)" } ?? message }

    /// `path:line:column: error: message`, the format editors and IDEs recognise.
    public var description: String { "\(location): \(severity.rawValue): \(text)" }

    /// The same problem as a warning: reported, but the run goes on.
    public var asWarning: Diagnostic {
        var warning = self
        warning.severity = .warning
        return warning
    }
}
