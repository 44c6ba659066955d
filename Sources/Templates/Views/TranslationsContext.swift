import Foundation

/// The context of the editors' translation status page (`translations` layout).
public struct TranslationsContext: Sendable {
    /// The shared page parts (in the source language, marked `noindex`).
    public var page: PageView
    /// The language codes, as column headers.
    public var languages: [String]
    /// One row per page.
    public var rows: [TranslationRowView]

    /// Creates the context.
    public init(page: PageView, languages: [String], rows: [TranslationRowView]) {
        self.page = page
        self.languages = languages
        self.rows = rows
    }
}

/// One page's translations.
public struct TranslationRowView: Sendable {
    /// The path under each language folder.
    public var page: String
    /// One cell per language, in column order.
    public var cells: [TranslationCellView]

    /// Creates a row.
    public init(page: String, cells: [TranslationCellView]) {
        self.page = page
        self.cells = cells
    }
}

/// One language's state of one page.
public struct TranslationCellView: Sendable {
    /// `source`, `up to date`, `stale`, `missing`, `new`, `adapted` or `adapted, stale`.
    public var status: String
    /// A CSS-friendly form of the status (`up-to-date`, `adapted-stale`).
    public var statusClass: String
    /// The page in that language, relative to the board, when it exists.
    public var url: String?
    /// Remarks shown under the status, e.g. `image not localized: shot.png`.
    public var notes: [String] = []

    /// Creates a cell.
    public init(status: String, url: String?) {
        self.status = status
        self.statusClass = String(
            decoding: status.utf8.filter { $0 != UInt8(ascii: ",") }.map { $0 == UInt8(ascii: " ") ? UInt8(ascii: "-") : $0 }, as: UTF8.self
        )
        self.url = url
    }
}
