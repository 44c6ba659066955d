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
}

extension MarkdownResolver {
    /// By default citations stay as typed.
    public mutating func cite(_ keys: [String], at position: @autoclosure () -> TextPosition) -> [Citation]? { nil }
}

/// A resolver that knows no facts and no other pages: placeholders and `.md` links stay as written.
public struct LiteralResolver: MarkdownResolver {
    /// Creates the resolver.
    public init() {}
    /// Leaves the placeholder as typed.
    public mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? { nil }
    /// Leaves the link as typed.
    public mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { nil }
}
