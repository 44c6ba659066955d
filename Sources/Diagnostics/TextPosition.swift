/// A line and column inside one text (1-based), before a path is attached.
public struct TextPosition: Hashable, Sendable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode characters.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position in a file called `path`.
    public func located(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }
}
