/// Gathers every problem of a run, so that one run reports them all.
public struct DiagnosticCollector: Sendable {
    /// The problems, in the order they were reported.
    public private(set) var diagnostics: [Diagnostic] = []

    /// An empty collector.
    public init() {}

    /// Whether nothing was reported.
    public var isEmpty: Bool { diagnostics.isEmpty }

    /// How many problems were reported.
    public var count: Int { diagnostics.count }

    /// Reports one problem.
    public mutating func append(_ problem: some DiagnosticConvertible) { diagnostics.append(problem.diagnostic) }

    /// Reports several problems.
    public mutating func append(contentsOf problems: some Sequence<some DiagnosticConvertible>) {
        for problem in problems { diagnostics.append(problem.diagnostic) }
    }

    /// Reports every problem of `failure`.
    public mutating func append(_ failure: BuildFailure) { diagnostics += failure.diagnostics }

    /// Reports every problem of `other`.
    public mutating func append(_ other: DiagnosticCollector) { diagnostics += other.diagnostics }

    /// The run's failure, or nil when nothing was reported.
    public var failure: BuildFailure? { isEmpty ? nil : BuildFailure(diagnostics) }

    /// Reports every problem of `failure`.
    public static func += (collector: inout DiagnosticCollector, failure: BuildFailure) { collector.append(failure) }

    /// Reports every problem of `other`.
    public static func += (collector: inout DiagnosticCollector, other: DiagnosticCollector) { collector.append(other) }

    /// Reports several problems.
    public static func += (collector: inout DiagnosticCollector, problems: some Sequence<some DiagnosticConvertible>) {
        collector.append(contentsOf: problems)
    }
}
