import Diagnostics

/// A problem the Markdown stage finds in a page, with where it is.
///
/// Every case's first value is the location; `message` says in plain words what is wrong and how to fix it.
public enum MarkdownError: Error, Hashable, Sendable, DiagnosticConvertible {
    /// A page's tables would pad their short rows with more empty cells than cmark-gfm can safely make.
    case tableTooLarge(SourceLocation, limit: Int)

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .tableTooLarge(let location, _):
            return location
        }
    }

    /// What is wrong and how to fix it, in plain words, without the location.
    public var message: String {
        switch self {
        case .tableTooLarge(_, let limit):
            return
                "short rows in this table would be filled with more than \(limit) empty cells (counting every table on this page), too many to render safely; give each row as many cells as the header row, or split the table"
        }
    }
}
