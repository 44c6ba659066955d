import Diagnostics
import Foundation

/// Who publishes the site (`site.json`'s `publisher`): named in the footer and on the About page, and
/// reached by the "report an error on this page" link.
public struct Publisher: Sendable, Hashable {
    /// The organisation's name.
    public var name: String
    /// Its website, if any.
    public var url: String?
    /// The address error reports are mailed to (a `mailto:` link with the page's URL in the subject).
    public var email: String?
    /// A web form for error reports, used when there is no `email`.
    public var form: String?

    /// Creates a publisher.
    public init(name: String, url: String? = nil, email: String? = nil, form: String? = nil) {
        self.name = name
        self.url = url
        self.email = email
        self.form = form
    }

    static let fields = ["name", "url", "email", "form"]

    /// Reads the `publisher` object: `name` is required, and `email` or `form` (or both) tell readers where to write.
    static func parse(_ json: JSON, in file: SourceText, errors: inout DiagnosticCollector) -> Publisher? {
        guard var reader = ObjectReader(json, in: file, field: "publisher", known: fields, errors: &errors) else { return nil }
        let name = reader.string("name", required: true)
        let url = reader.string("url")
        let email = reader.string("email")
        let form = reader.string("form")
        for (link, location) in [url, form].compactMap({ $0 }) where !FactFile.isAbsoluteURL(link) {
            reader.report(
                ContentError.wrongType(location, field: "publisher", expected: "an absolute URL starting with https:// or http://"))
        }
        if let (address, location) = email, !isEmailAddress(address) {
            reader.report(
                ContentError.wrongType(location, field: "publisher.email", expected: "an email address such as \"errors@example.org\""))
        }
        if email == nil, form == nil {
            reader.report(ContentError.missingField(reader.location, field: "publisher.email or publisher.form"))
        }
        errors += reader.errors
        guard reader.errors.isEmpty, let name else { return nil }
        return Publisher(name: name.0, url: url?.0, email: email?.0, form: form?.0)
    }

    /// `local@domain.tld`, with no spaces, quotes or angle brackets.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "?" || $0 == "&" || $0.isNewline })
    }

    /// Where a reader reports an error on the page at `pageURL`: a `mailto:` with `subject` (where
    /// `{url}` becomes the page's URL) percent-encoded, or the form.
    public func reportURL(pageURL: String, subject: String) -> String? {
        guard let email else { return form }
        let text = subject.contains("{url}") ? subject.replacingOccurrences(of: "{url}", with: pageURL) : "\(subject) \(pageURL)"
        return "mailto:\(email)?subject=\(Publisher.percentEncode(text))"
    }

    /// RFC 3986 unreserved characters kept, everything else as `%XX` of its UTF-8 bytes.
    static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return result
    }
}
