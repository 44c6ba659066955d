import Diagnostics

/// Where a placeholder was found, which decides what kind of value may fill it.
public enum PlaceholderContext: Sendable, Equatable {
    /// In running text: any printable fact.
    case text
    /// In a link or image destination: only a URL.
    case destination
}

/// What the Markdown stage asks of the content stage while it rewrites a document.
///
/// Positions are relative to the Markdown text handed to the renderer (1-based, character columns).
public protocol MarkdownResolver {
    /// The text for the placeholder `{{key}}`, or nil after recording an error (the placeholder then stays as typed).
    /// `position` is computed only when asked for (an error needs it; a successful expansion does not).
    mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String?
    /// The URL for a relative link to another Markdown file (`other.md#part`), or nil after recording an error.
    mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String?
    /// The numbered citations for `{{cite key…}}`, or nil after recording an error (or to leave it as typed).
    mutating func cite(_ keys: [String], at position: @autoclosure () -> TextPosition) -> [Citation]?
    /// Records a problem in the Markdown text itself (the page is then not rendered).
    mutating func report(_ problem: MarkdownProblem, at position: TextPosition)
}

/// A problem the Markdown stage finds in the text itself.
public enum MarkdownProblem: Sendable, Equatable {
    /// Short table rows would be padded with more than `limit` empty cells (see `TableBudget`).
    case tableTooLarge(limit: Int)

    /// The build error for this problem at `location`.
    public func error(at location: SourceLocation) -> BuildError {
        switch self {
        case .tableTooLarge(let limit): return .tableTooLarge(location, limit: limit)
        }
    }
}

extension MarkdownResolver {
    /// By default citations stay as typed.
    public mutating func cite(_ keys: [String], at position: @autoclosure () -> TextPosition) -> [Citation]? { nil }
}

/// A resolver that knows no facts and no other pages: placeholders and `.md` links stay as written.
public struct LiteralResolver: MarkdownResolver {
    /// The path problems are reported in.
    public var path: String
    /// The problems found in the text, located in `path`.
    public private(set) var errors: [BuildError] = []
    /// Creates the resolver; problems are located in `path`.
    public init(path: String = "<stdin>") { self.path = path }
    /// Leaves the placeholder as typed.
    public mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? { nil }
    /// Leaves the link as typed.
    public mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { nil }
    /// Keeps the problem in `errors`.
    public mutating func report(_ problem: MarkdownProblem, at position: TextPosition) { errors.append(problem.error(at: position.located(in: path))) }
}
