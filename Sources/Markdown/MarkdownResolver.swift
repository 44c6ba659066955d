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
    /// The HTML that replaces `image` (nil: print it as cmark does); errors are recorded by the resolver.
    mutating func resolveImage(_ image: ImageReference, at position: @autoclosure () -> TextPosition) -> String?
    /// The URL for a relative link to a file that is not Markdown (`form.pdf`), or nil to leave it as written.
    mutating func resolveFile(_ destination: String, at position: @autoclosure () -> TextPosition) -> String?
}

/// A problem the Markdown stage finds in the text itself.
public enum MarkdownProblem: Sendable, Equatable {
    /// Short table rows would be padded with more than `limit` empty cells (see `TableBudget`).
    case tableTooLarge(limit: Int)

    /// The build error for this problem at `location`.
    public func error(at location: SourceLocation) -> MarkdownError {
        switch self {
        case .tableTooLarge(let limit): return MarkdownError.tableTooLarge(location, limit: limit)
        }
    }
}

/// An image as written in Markdown, handed to the resolver.
public struct ImageReference: Sendable, Equatable {
    /// The destination, facts expanded (`settings-1.png`, `/static/logo.svg`, `https://…`).
    public var destination: String
    /// The alt text as plain text (empty when none was written).
    public var alt: String
    /// The title, if any.
    public var title: String?
    /// 0 for the page's first image, 1 for the second…
    public var index: Int

    /// Creates a reference.
    public init(destination: String, alt: String, title: String?, index: Int) {
        self.destination = destination
        self.alt = alt
        self.title = title
        self.index = index
    }
}

extension MarkdownResolver {
    /// By default citations stay as typed.
    public mutating func cite(_ keys: [String], at position: @autoclosure () -> TextPosition) -> [Citation]? { nil }

    /// The HTML that replaces `image` (nil: print it as cmark does); errors are recorded by the resolver.
    public mutating func resolveImage(_ image: ImageReference, at position: @autoclosure () -> TextPosition) -> String? { nil }
    /// The URL for a relative link to a file that is not Markdown (`form.pdf`), or nil to leave it as written.
    public mutating func resolveFile(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { nil }
}

/// Whether a destination names a file of the site itself: no scheme, not protocol-relative, not only an
/// anchor or a query (`settings-1.png`, `img/step.png`, `/static/logo.svg`).
public enum LocalReference {
    /// Whether `destination` is local.
    public static func isLocal(_ destination: String) -> Bool {
        guard let first = destination.utf8.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "?"),
            !destination.hasPrefix("//")
        else { return false }
        // A scheme is letters, digits, `+`, `-`, `.` before the first `:`, which comes before any `/`.
        if let colon = destination.firstIndex(of: ":") {
            let head = destination[..<colon]
            if !head.contains("/"), !head.isEmpty { return false }
        }
        return true
    }

    /// Whether a local link destination names a file by its extension (`form.pdf`), other than Markdown.
    public static func namesFile(_ destination: String) -> Bool {
        let path = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let last = path.split(separator: "/").last, !path.hasSuffix("/"), let dot = last.lastIndex(of: "."),
            dot != last.startIndex, last.index(after: dot) != last.endIndex
        else { return false }
        return last[last.index(after: dot)...].lowercased() != "md"
    }
}

/// A resolver that knows no facts and no other pages: placeholders and `.md` links stay as written.
public struct LiteralResolver: MarkdownResolver {
    /// The path problems are reported in.
    public var path: String
    /// The problems found in the text, located in `path`.
    public private(set) var errors = DiagnosticCollector()
    /// Creates the resolver; problems are located in `path`.
    public init(path: String = "<stdin>") { self.path = path }
    /// Leaves the placeholder as typed.
    public mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? { nil }
    /// Leaves the link as typed.
    public mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { nil }
    /// Keeps the problem in `errors`.
    public mutating func report(_ problem: MarkdownProblem, at position: TextPosition) {
        errors.append(problem.error(at: position.located(in: path)))
    }
}
