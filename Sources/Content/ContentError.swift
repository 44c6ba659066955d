import Diagnostics

/// A problem in the content (JSON, front matter, site.json, strings, facts), with where it is.
///
/// Every case's first value is the location (`text` carries a located decoding error); `message` says in plain words what is wrong and how to fix it.
public enum ContentError: Error, Hashable, Sendable, DiagnosticConvertible {
    /// A file cannot be read as text (not valid UTF-8), found while decoding it.
    case text(SourceTextError)
    /// A JSON file (or front matter) is not well-formed JSON.
    case malformedJSON(SourceLocation, detail: String)
    /// An article does not start with a JSON front-matter object.
    case missingFrontMatter(SourceLocation)
    /// The front-matter object opened here never closes.
    case unclosedFrontMatter(SourceLocation)
    /// A required field is absent.
    case missingField(SourceLocation, field: String)
    /// A field has a value of the wrong JSON type.
    case wrongType(SourceLocation, field: String, expected: String)
    /// A field name the contract does not know (often a typo).
    case unknownField(SourceLocation, field: String, known: [String])
    /// A value is not a valid calendar date or date-time.
    case invalidDate(SourceLocation, value: String)
    /// A time-zone name is not in the IANA database.
    case unknownTimeZone(SourceLocation, name: String)
    /// A slug would escape its folder or is otherwise unusable in a URL.
    case invalidSlug(SourceLocation, slug: String)
    /// A language code is not one of `site.json`'s languages.
    case unknownLanguage(SourceLocation, code: String)
    /// A locale CLDR (as ICU carries it) has no data for.
    case unknownLocale(SourceLocation, locale: String)
    /// A UI string shown with a count lacks a plural category its language needs.
    case missingPluralCategory(SourceLocation, key: String, category: String, language: String)
    /// A localized text lacks one of the site's languages.
    case missingTranslation(SourceLocation, language: String)
    /// A placeholder or source id names no fact.
    case unknownFact(SourceLocation, key: String)
    /// A fact is used where its type does not fit.
    case factTypeMismatch(SourceLocation, key: String, expected: String, actual: String)
    /// The same fact key is defined twice.
    case duplicateFact(SourceLocation, key: String, first: SourceLocation)
    /// A campaign's facts lack what a campaign needs.
    case invalidCampaign(SourceLocation, name: String, reason: String)
    /// A JSON value is well-formed but unusable: a control character, or a number out of range.
    case invalidJSONValue(SourceLocation, detail: String)
    /// An instant (a local date-time in a zone, or `--now`) does not name exactly one moment.
    case invalidInstant(SourceLocation, value: String, reason: String)
    /// A base URL is not an absolute http(s) URL without query or fragment (`reason` ends with how to fix it).
    case invalidBaseURL(SourceLocation, url: String, reason: String)
    /// A text contains a control character no HTML or XML output may carry.
    case controlCharacter(SourceLocation, scalar: String)
    /// A language code is not shaped like one (`EN_us`).
    case malformedLanguageCode(SourceLocation, code: String)
    /// A source lacks what a reader needs to check it (`--strict`; otherwise a warning).
    case incompleteSource(SourceLocation, key: String, problem: String)
    /// A fact was last verified longer ago than `verifiedMaxAgeDays` (always a warning).
    case staleVerification(SourceLocation, key: String, verified: String, days: Int, limit: Int)

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .text(let problem):
            return problem.location
        case .malformedJSON(let location, _), .missingFrontMatter(let location),
            .unclosedFrontMatter(let location), .missingField(let location, _), .wrongType(let location, _, _),
            .unknownField(let location, _, _), .invalidDate(let location, _), .unknownTimeZone(let location, _),
            .invalidSlug(let location, _), .unknownLanguage(let location, _), .unknownLocale(let location, _),
            .missingPluralCategory(let location, _, _, _), .missingTranslation(let location, _), .unknownFact(let location, _),
            .factTypeMismatch(let location, _, _, _), .duplicateFact(let location, _, _), .invalidCampaign(let location, _, _),
            .invalidJSONValue(let location, _), .invalidInstant(let location, _, _), .invalidBaseURL(let location, _, _),
            .controlCharacter(let location, _), .malformedLanguageCode(let location, _), .incompleteSource(let location, _, _),
            .staleVerification(let location, _, _, _, _):
            return location
        }
    }

    /// What is wrong and how to fix it, in plain words, without the location.
    public var message: String {
        switch self {
        case .text(let problem):
            return problem.message
        case .malformedJSON(_, let detail):
            return "malformed JSON: \(detail); fix the JSON syntax here (a missing comma, quote or brace is the usual cause)"
        case .missingFrontMatter:
            return "an article must start with a JSON front-matter object such as {\"title\": \"…\"}; add one at the top of the file"
        case .unclosedFrontMatter:
            return "the front-matter object opened here never closes; add the closing } on its own line before the Markdown text"
        case .missingField(_, let field):
            return "the required field \"\(field)\" is missing; add it"
        case .wrongType(_, let field, let expected):
            return "\"\(field)\" must be \(expected); change its value"
        case .unknownField(_, let field, let known):
            return "unknown field \"\(field)\"; use one of \(known.map { "\"\($0)\"" }.joined(separator: ", ")) or remove it"
        case .invalidDate(_, let value):
            return "\"\(value)\" is not a valid date; write a real calendar date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS for an instant)"
        case .unknownTimeZone(_, let name):
            return "\"\(name)\" is not a known time zone; use an IANA name such as \"Europe/Brussels\""
        case .invalidSlug(_, let slug):
            return "the slug \"\(slug)\" cannot be used in a URL; use letters, digits and hyphens only (no /, \\, .. or control characters)"
        case .unknownLanguage(_, let code):
            return "\"\(code)\" is not one of the languages in content/site.json; add it there or fix the code"
        case .unknownLocale(_, let locale):
            return
                "\"\(locale)\" is not a locale CLDR has data for, so its dates, numbers and plurals cannot be written; use a CLDR locale such as \"fr_BE\", \"pt_BR\" or \"ar_EG\" under \"locales\" in content/site.json"
        case .missingPluralCategory(_, let key, let category, let language):
            return
                "the UI string \"\(key)\" has no \"\(category)\" form, which \"\(language)\" needs for some counts (CLDR plural rules); add \"\(category)\": \"…\" to it"
        case .missingTranslation(_, let language):
            return "this localized text has no \"\(language)\" version; add one"
        case .unknownFact(_, let key):
            return "there is no fact \"\(key)\"; check the spelling or define it in content/facts/"
        case .factTypeMismatch(_, let key, let expected, let actual):
            return "the fact \"\(key)\" is \(actual) but \(expected) is needed here; use another fact or change its type"
        case .duplicateFact(_, let key, let first):
            return "the fact \"\(key)\" is already defined at \(first); give one of them another name"
        case .invalidCampaign(_, let name, let reason):
            return "the campaign \"\(name)\" \(reason)"
        case .invalidJSONValue(_, let detail):
            return detail
        case .invalidInstant(_, let value, let reason):
            return "\"\(value)\" \(reason)"
        case .invalidBaseURL(_, let url, let reason):
            return "the base URL \"\(url)\" \(reason)"
        case .controlCharacter(_, let scalar):
            return "the control character \(scalar) cannot appear in a page (it would make the HTML and XML output invalid); remove it"
        case .malformedLanguageCode(_, let code):
            return
                "\"\(code)\" is not a language code; write a lowercase BCP 47 code such as \"fr\", \"nl\" or \"pt-br\" (letters a to z and hyphens, at most 8 characters)"
        case .incompleteSource(_, let key, let problem):
            return "the source \"\(key)\" \(problem)"
        case .staleVerification(_, let key, let verified, let days, let limit):
            return
                "the fact \"\(key)\" was last verified on \(verified), \(days) days ago (more than verifiedMaxAgeDays, \(limit)); check it against its sources again and update \"verified\""
        }
    }
}
