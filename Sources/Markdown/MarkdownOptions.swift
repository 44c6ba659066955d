/// How one Markdown text is turned into HTML.
public struct MarkdownOptions: Sendable {
    /// Whether raw HTML in the Markdown reaches the output (off by default: it is replaced by a comment).
    public var allowRawHTML: Bool
    /// The prefix of every checklist and checklist-item id on the page, e.g. the page's translation key.
    public var checklistPrefix: String

    /// Creates options; raw HTML stays off unless asked for.
    public init(allowRawHTML: Bool = false, checklistPrefix: String = "list") {
        self.allowRawHTML = allowRawHTML
        self.checklistPrefix = checklistPrefix
    }
}
