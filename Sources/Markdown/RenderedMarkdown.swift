import Diagnostics

/// The HTML of a Markdown text plus what templates and checks need to know about it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML fragment, as UTF-8 bytes (cmark's buffer copied as is: templates write it without a `String`).
    public var htmlBytes: [UInt8]
    /// The HTML fragment.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// The headings in document order, with their anchor ids.
    public var headings: [Heading]
    /// One entry per checklist (GFM task list), in order.
    public var checklists: [Checklist]
    /// The links to a part of the same page (`#part`), with where they are, for checking.
    public var fragments: [PageFragment] = []
    /// The callouts (`> [!NOTE]`…) in document order, by type (`note`, `tip`, `important`, `warning`, `caution`).
    public var callouts: [String] = []

    /// Creates a rendered document.
    public init(html: String, headings: [Heading], checklists: [Checklist]) {
        self.init(htmlBytes: Array(html.utf8), headings: headings, checklists: checklists)
    }

    /// Creates a rendered document from its HTML's UTF-8 bytes.
    public init(htmlBytes: [UInt8], headings: [Heading], checklists: [Checklist]) {
        self.htmlBytes = htmlBytes
        self.headings = headings
        self.checklists = checklists
    }
}

/// A link to a part of the page it is on (`[see](#part)`).
public struct PageFragment: Sendable, Equatable {
    /// The whole destination, `#part`.
    public var destination: String
    /// Where the link starts in the Markdown text.
    public var position: TextPosition

    /// Creates a fragment link.
    public init(destination: String, position: TextPosition) {
        self.destination = destination
        self.position = position
    }
}

/// A heading and the anchor id it was given.
public struct Heading: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The `id` attribute, unique on the page.
    public var id: String

    /// Creates a heading.
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A task list rendered as an interactive checklist.
public struct Checklist: Sendable, Equatable {
    /// The checklist's id (`<prefix>-<n>`), the same in every translation.
    public var id: String
    /// How many items it has.
    public var itemCount: Int

    /// Creates a checklist summary.
    public init(id: String, itemCount: Int) {
        self.id = id
        self.itemCount = itemCount
    }
}
