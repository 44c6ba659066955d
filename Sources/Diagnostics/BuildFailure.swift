/// All the problems of one run, reported together, in a stable order.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted by location, without duplicates.
    public let diagnostics: [Diagnostic]

    /// Sorts and de-duplicates `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) {
        var seen = Set<Diagnostic>()
        self.diagnostics = diagnostics.filter { seen.insert($0).inserted }
            .sorted { $0.location != $1.location ? $0.location < $1.location : $0.description < $1.description }
    }

    /// Converts, sorts and de-duplicates a stage's typed `errors`.
    public init(_ errors: [some DiagnosticConvertible]) { self.init(errors.map(\.diagnostic)) }

    /// Sorts and de-duplicates what `collector` gathered.
    public init(_ collector: DiagnosticCollector) { self.init(collector.diagnostics) }

    /// One problem per line, then a count.
    public var description: String {
        let count = diagnostics.count == 1 ? "1 error" : "\(diagnostics.count) errors"
        return diagnostics.map(\.description).joined(separator: "\n") + "\nbuild failed: \(count); site not written"
    }
}
