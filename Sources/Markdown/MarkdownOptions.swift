/// How one Markdown text is turned into HTML.
public struct MarkdownOptions: Sendable {
    /// Whether raw HTML in the Markdown reaches the output (off by default: it is replaced by a comment).
    public var allowRawHTML: Bool
    /// The text's language; when set, its typography rules apply (see `Typography`).
    public var language: String?
    /// The prefix of every checklist and checklist-item id on the page, e.g. the page's translation key.
    public var checklistPrefix: String
    /// Ids the page's template already uses (`main`…): headings never take them.
    public var reservedIDs: Set<String> = []
    /// The heading of each callout type in the text's language (`note` → "Note"), from the UI strings.
    public var calloutTitles: [String: String] = [:]

    /// The callout types of GitHub's alert syntax (`> [!NOTE]`), in its order.
    public static let calloutTypes = ["note", "tip", "important", "warning", "caution"]

    /// Creates options; raw HTML stays off unless asked for.
    public init(allowRawHTML: Bool = false, checklistPrefix: String = "list", language: String? = nil) {
        self.allowRawHTML = allowRawHTML
        self.language = language
        self.checklistPrefix = checklistPrefix
    }
}
