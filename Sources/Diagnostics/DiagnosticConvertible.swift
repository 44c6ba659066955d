/// A stage's typed error that converts to the one reported shape, `Diagnostic`.
///
/// A stage declares its own enum, with a location and a message for each case; the rest comes from here.
public protocol DiagnosticConvertible: Sendable {
    /// Where the problem is.
    var location: SourceLocation { get }
    /// What is wrong and how to fix it, in plain words, without the location.
    var message: String { get }
    /// The problem as a diagnostic (an error, unless the stage says otherwise).
    var diagnostic: Diagnostic { get }
}

extension DiagnosticConvertible {
    /// An error at `location` saying `message`.
    public var diagnostic: Diagnostic { Diagnostic(location: location, message: message) }

    /// `path:line:column: error: message`.
    public var description: String { diagnostic.description }
}

extension Diagnostic: DiagnosticConvertible {
    /// Itself.
    public var diagnostic: Diagnostic { self }
}
