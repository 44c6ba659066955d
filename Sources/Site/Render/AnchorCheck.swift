import Diagnostics
import Foundation

/// A link to a part of a page (`other.md#part`, `#part`), checked once every page is rendered.
struct AnchorLink: Sendable, Hashable {
    /// Where the link is written.
    var location: SourceLocation
    /// The page it leads to, in the language it is published in.
    var target: Router.PageID
    /// The destination as written, for the message.
    var destination: String
    /// The part after `#`.
    var fragment: String
}

/// Checks that every `#part` names an id of the published page it leads to: a heading, a checklist
/// or one of its items, a footnote, or an element of the template.
enum AnchorCheck {
    /// The errors of `links` whose page has no such id; `page` gives a published page's bytes.
    static func errors(_ links: [AnchorLink], page: (Router.PageID) -> [UInt8]?) -> [SiteError] {
        var idsByPage: [Router.PageID: Set<String>] = [:]
        var errors: [SiteError] = []
        for link in links {
            let decoded = link.fragment.removingPercentEncoding ?? link.fragment
            // An empty fragment and `#top` lead to the top of any page (HTML's rule).
            if decoded.isEmpty || decoded.lowercased() == "top" { continue }
            let ids: Set<String>
            if let known = idsByPage[link.target] {
                ids = known
            } else {
                guard let bytes = page(link.target) else { continue }  // a missing page is reported as a broken link
                ids = Self.ids(in: bytes)
                idsByPage[link.target] = ids
            }
            if ids.contains(link.fragment) || ids.contains(decoded) { continue }
            errors.append(
                SiteError.brokenAnchor(
                    link.location, target: link.destination, fragment: decoded, suggestion: closest(to: decoded, in: ids)))
        }
        return errors
    }

    /// Every `id="…"` value in an HTML page (one scan of its bytes).
    static func ids(in html: [UInt8]) -> Set<String> {
        var ids = Set<String>()
        let pattern = Array(" id=\"".utf8)
        var index = 0
        while index + pattern.count <= html.count {
            guard html[index] == pattern[0], html[index..<index + pattern.count].elementsEqual(pattern) else {
                index += 1
                continue
            }
            let start = index + pattern.count
            var end = start
            while end < html.count, html[end] != UInt8(ascii: "\"") { end += 1 }
            ids.insert(String(decoding: html[start..<end], as: UTF8.self))
            index = end
        }
        return ids
    }

    /// The id nearest to `fragment` (edit distance at most a third of its length, at least 2), if any.
    static func closest(to fragment: String, in ids: Set<String>) -> String? {
        guard fragment.count <= 200 else { return nil }
        let limit = max(2, fragment.count / 3)
        var best: (distance: Int, id: String)?
        for id in ids.sorted() {
            let distance = editDistance(Array(fragment.unicodeScalars), Array(id.unicodeScalars))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (distance, id) }
        }
        return best?.id
    }

    /// Levenshtein distance, in two rows.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
