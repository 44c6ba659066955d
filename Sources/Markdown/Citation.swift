/// A reference to a source in running text, written `{{cite sources.a}}` or `{{cite sources.a sources.b}}`,
/// printed as numbered links to the page's source list (`<li id="source-<key>">`).
public struct Citation: Sendable, Equatable {
    /// The source's number in the page's source list, from 1.
    public var number: Int
    /// The source's fact key (its list item is `source-<key>`).
    public var key: String

    /// Creates a citation.
    public init(number: Int, key: String) {
        self.number = number
        self.key = key
    }

    /// The source keys of a placeholder's key when it is a citation (`cite a b`), else nil.
    public static func keys(in placeholder: String) -> [String]? {
        guard placeholder == "cite" || placeholder.hasPrefix("cite ") || placeholder.hasPrefix("cite\t") else { return nil }
        return placeholder.dropFirst(4).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
    }

    /// `<sup class="cite"><a href="#source-…">1</a>, <a …>2</a></sup>`; keys are escaped for attributes.
    public static func html(_ citations: [Citation]) -> String {
        let links = citations.map { "<a href=\"#source-\(HTMLText.escape($0.key))\">\($0.number)</a>" }
        return "<sup class=\"cite\">" + links.joined(separator: ", ") + "</sup>"
    }
}
