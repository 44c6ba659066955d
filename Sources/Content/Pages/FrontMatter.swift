import Diagnostics

/// The JSON object at the top of an article (Hugo's JSON front-matter convention).
public struct FrontMatter: Sendable {
    /// The fields, shared between copies until one is changed (copy on write): pages hand their front
    /// matter around in many places (routes, lists, the audit, the sitemap…), and copying every field of it,
    /// a retain each, was about 3 % of a build's instructions.
    private struct Fields: Sendable {
        var title: String
        var description: String?
        var slug: String?
        var slugLocation: SourceLocation?
        var weight: Int
        var date: CalendarDate?
        var updated: CalendarDate?
        var draft: Bool
        var layout: String?
        var layoutLocation: SourceLocation?
        var campaign: String?
        var campaignLocation: SourceLocation?
        var sources: [(key: String, location: SourceLocation)]
        var sourceHash: String?
        var extra: JSON?
        var toc: Bool?
        var aliases: [(path: String, location: SourceLocation)] = []
        var adapted: Bool = false
        var location: SourceLocation
    }

    /// Never changed once made (`let`: reading a field then needs no exclusivity check); a change makes a new one.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private init(_ fields: Fields) {
        storage = Storage(fields)
    }

    /// Changes fields in a new storage (front matter is read far more often than changed).
    private mutating func change(_ body: (inout Fields) -> Void) {
        var fields = storage.fields
        body(&fields)
        storage = Storage(fields)
    }

    /// The page title (required).
    public var title: String {
        _read { yield storage.fields.title }
        set { change { $0.title = newValue } }
    }
    /// A one-sentence summary for lists and `<meta name="description">`.
    public var description: String? {
        _read { yield storage.fields.description }
        set { change { $0.description = newValue } }
    }
    /// The page's localized URL segment (defaults to the file name).
    public var slug: String? {
        _read { yield storage.fields.slug }
        set { change { $0.slug = newValue } }
    }
    /// Where `slug` was written.
    public var slugLocation: SourceLocation? {
        _read { yield storage.fields.slugLocation }
        set { change { $0.slugLocation = newValue } }
    }
    /// Lists sort by weight, lightest first, then by title.
    public var weight: Int {
        _read { yield storage.fields.weight }
        set { change { $0.weight = newValue } }
    }
    /// When the page was first published.
    public var date: CalendarDate? {
        _read { yield storage.fields.date }
        set { change { $0.date = newValue } }
    }
    /// When the page was last updated.
    public var updated: CalendarDate? {
        _read { yield storage.fields.updated }
        set { change { $0.updated = newValue } }
    }
    /// Drafts are left out unless the build asks for them.
    public var draft: Bool {
        _read { yield storage.fields.draft }
        set { change { $0.draft = newValue } }
    }
    /// The template to render with (defaults to `page`, or `home` for a language's `index.md`).
    public var layout: String? {
        _read { yield storage.fields.layout }
        set { change { $0.layout = newValue } }
    }
    /// Where `layout` was written.
    public var layoutLocation: SourceLocation? {
        _read { yield storage.fields.layoutLocation }
        set { change { $0.layoutLocation = newValue } }
    }
    /// The campaign whose deadline banner the page shows.
    public var campaign: String? {
        _read { yield storage.fields.campaign }
        set { change { $0.campaign = newValue } }
    }
    /// Where `campaign` was written.
    public var campaignLocation: SourceLocation? {
        _read { yield storage.fields.campaignLocation }
        set { change { $0.campaignLocation = newValue } }
    }
    /// Source facts behind claims the text makes without a placeholder, with where each is written.
    public var sources: [(key: String, location: SourceLocation)] {
        _read { yield storage.fields.sources }
        set { change { $0.sources = newValue } }
    }
    /// For a translation: the `ContentHash.body` of the source page it was translated from.
    public var sourceHash: String? {
        _read { yield storage.fields.sourceHash }
        set { change { $0.sourceHash = newValue } }
    }
    /// The free-form `extra` object, for templates (`{{page.extra.…}}`).
    public var extra: JSON? {
        _read { yield storage.fields.extra }
        set { change { $0.extra = newValue } }
    }
    /// Whether the page shows a table of contents (nil: when it has enough headings).
    public var toc: Bool? {
        _read { yield storage.fields.toc }
        set { change { $0.toc = newValue } }
    }
    /// Old URL paths of this page (`fr/ancien/`), each published as a redirect to it.
    public var aliases: [(path: String, location: SourceLocation)] {
        _read { yield storage.fields.aliases }
        set { change { $0.aliases = newValue } }
    }
    /// For a translation written for its own audience: its structure is not compared with the source page's.
    public var adapted: Bool {
        _read { yield storage.fields.adapted }
        set { change { $0.adapted = newValue } }
    }
    /// Where the front matter starts.
    public var location: SourceLocation {
        _read { yield storage.fields.location }
        set { change { $0.location = newValue } }
    }

    /// The fields editors may write.
    public static let fields = [
        "title", "description", "slug", "weight", "date", "updated", "draft", "layout", "campaign", "sources", "sourceHash", "toc",
        "aliases", "extra", "adapted",
    ]

    /// Reads the front-matter object, collecting every error.
    static func read(_ json: JSON, in file: SourceText, errors: inout DiagnosticCollector) -> FrontMatter? {
        guard var reader = ObjectReader(json, in: file, field: "front matter", known: fields, errors: &errors) else { return nil }
        let title = reader.string("title", required: true)
        if let (text, location) = title, text.allSatisfy(\.isWhitespace) {
            reader.report(ContentError.missingField(location, field: "title"))
        }
        let description = reader.string("description")?.0
        let slug = reader.string("slug")
        if let (text, location) = slug, !FrontMatter.isValidSlug(text) { reader.report(ContentError.invalidSlug(location, slug: text)) }
        let weight = reader.integer("weight") ?? 0
        let date = reader.date("date")
        let updated = reader.date("updated")
        let draft = reader.bool("draft") ?? false
        let layout = reader.string("layout")
        let campaign = reader.string("campaign")
        let sources = reader.strings("sources") ?? []
        let sourceHash = reader.string("sourceHash")?.0
        let toc = reader.bool("toc")
        let extra = reader.object("extra", expected: "an object such as {\"icon\": \"shield\"}")
        var aliases: [(path: String, location: SourceLocation)] = []
        for (alias, location) in reader.strings("aliases") ?? [] {
            guard let path = FrontMatter.urlPath(alias) else {
                reader.report(
                    ContentError.wrongType(
                        location, field: "aliases",
                        expected:
                            "a list of old URL paths of this site such as \"/fr/ancien-titre/\" (letters, digits, -, _, . and /; no .., query or fragment)"
                    ))
                continue
            }
            aliases.append((path, location))
        }
        let adapted = reader.bool("adapted") ?? false
        errors += reader.errors
        guard let title, reader.errors.isEmpty else { return nil }
        var frontMatter = FrontMatter(
            Fields(
                title: title.0, description: description, slug: slug?.0, slugLocation: slug?.1, weight: weight,
                date: date, updated: updated, draft: draft, layout: layout?.0, layoutLocation: layout?.1,
                campaign: campaign?.0, campaignLocation: campaign?.1, sources: sources.map { (key: $0.0, location: $0.1) },
                sourceHash: sourceHash, extra: extra, toc: toc, aliases: aliases, location: reader.location))
        frontMatter.adapted = adapted
        return frontMatter
    }

    /// An old URL path of the site, normalised to the output form `fr/ancien/` (no leading `/`, a final `/`),
    /// or nil when it is not one: every segment must be a valid slug.
    public static func urlPath(_ text: String) -> String? {
        let segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !segments.isEmpty, segments.allSatisfy(isValidSlug), !text.contains("?"), !text.contains("#") else { return nil }
        return segments.joined(separator: "/") + "/"
    }

    /// A URL segment: no `/`, `\`, `..`, dot-only names, control characters or spaces.
    public static func isValidSlug(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.utf8.count <= 800, slug.count <= 200, slug.utf8.first != UInt8(ascii: ".") else { return false }
        var previous: Unicode.Scalar = " "
        for scalar in slug.unicodeScalars {
            if scalar == ".", previous == "." { return false }
            previous = scalar
            if scalar.isASCII {
                let value = scalar.value
                let letter = (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
                guard letter || (0x30...0x39).contains(value) || scalar == "-" || scalar == "_" || scalar == "." else { return false }
            } else if !scalar.properties.isAlphabetic {
                return false
            }
        }
        return true
    }
}
