import Diagnostics

/// A language-neutral fact from `content/facts/`, addressed by `<file>.<key>`.
public struct Fact: Sendable {
    /// The dotted key, e.g. `meta-ai.deadline`.
    public var key: String
    /// The value.
    public var value: FactValue
    /// Keys of the source facts that back this one.
    public var sources: [String]
    /// When an editor last checked it.
    public var verified: CalendarDate?
    /// Where it is defined.
    public var location: SourceLocation
    /// Where each source id was written, to report unknown sources.
    public var sourceLocations: [SourceLocation]
}

/// The kinds of value a fact can hold.
public enum FactValue: Sendable, Hashable {
    /// Plain text, the same in every language.
    case string(String)
    /// A number, with its text as written.
    case number(Double, text: String)
    /// An absolute URL.
    case url(String)
    /// A calendar day.
    case date(CalendarDate)
    /// A moment in a named time zone.
    case instant(Instant)
    /// A text per language.
    case text(LocalizedText)
    /// A source: who published what, when.
    case source(Source)

    /// The type's name as editors write it in fact files.
    public var typeName: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .url: return "a URL"
        case .date: return "a date"
        case .instant: return "an instant"
        case .text: return "a localized text"
        case .source: return "a source"
        }
    }
}

/// A publication that backs facts.
public struct Source: Sendable, Hashable {
    /// Who published it (e.g. "RTBF").
    public var publisher: String
    /// Its title, in its own language.
    public var title: String
    /// When it was published.
    public var date: CalendarDate?
    /// Where to read it, when a stable address is known.
    public var url: String?
    /// Its language code (it may be one the site is not written in).
    public var language: String
    /// The month of publication, when the source gives no day (`"month": "2025-05"`): the 1st of that month.
    public var month: CalendarDate? = nil
    /// Whether `title` was taken from the page's address because its headline could not be read (`"titleFromURL": true`).
    public var titleFromURL: Bool = false
    /// Whether the source itself shows no date (`"undated": true`), so none can be given.
    public var undated: Bool = false
    /// The address of the copy that was actually read, when it is not `url` (a mirror or relay).
    public var via: String? = nil
}
