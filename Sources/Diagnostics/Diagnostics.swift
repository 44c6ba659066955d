/// All the errors of one run, reported together, in a stable order.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    /// The errors, sorted by location.
    public let errors: [BuildError]

    /// Sorts and de-duplicates `errors`.
    public init(_ errors: [BuildError]) {
        var seen = Set<BuildError>()
        self.errors = errors.filter { seen.insert($0).inserted }
            .sorted { $0.location != $1.location ? $0.location < $1.location : $0.description < $1.description }
    }

    /// One error per line, then a count.
    public var description: String {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return errors.map(\.description).joined(separator: "\n") + "\nbuild failed: \(count); site not written"
    }
}
