/// A link every page makes to the same file (the stylesheet, the script, the search files, the site root,
/// its language's home and feed), made once per folder depth instead of once per page.
///
/// `Router.relative(from:to:)` climbs `../` out of the part of the page's path that it does not share with
/// the target, then descends the rest of the target. For a target of at most two parts (`assets/x.css`,
/// `fr/feed.xml`, `fr/`) the shared part is at most its first part, so the link depends only on how many
/// parts the page's path has and on whether its first part is the target's: both tables are made with
/// `Router.relative` itself, so a link is always the one it would give.
struct FixedLink: Sendable {
    /// Where a link starts: the number of parts of a page's path and its first part.
    struct Origin {
        let path: String
        let depth: Int
        let first: Substring

        init(_ path: String) {
            var depth = 0
            var first = Substring()
            var start: String.Index?
            // On UTF-8 bytes, as `Router.relative` splits: parts are the runs between slashes, empty ones skipped.
            for index in path.utf8.indices {
                if path.utf8[index] == UInt8(ascii: "/") {
                    if let begun = start {
                        if depth == 0 { first = path[begun..<index] }
                        depth += 1
                        start = nil
                    }
                } else if start == nil {
                    start = index
                }
            }
            if let begun = start {
                if depth == 0 { first = path[begun...] }
                depth += 1
            }
            self.path = path
            self.depth = depth
            self.first = first
        }
    }

    let target: String
    private let first: Substring?
    /// The link from a path of `depth` parts whose first part is not the target's, and from one whose first part is.
    private let otherFirst: [String]
    private let sameFirst: [String]

    /// Tables for `target` from paths of up to `depths` parts; nil when the target has more than two parts
    /// (a page's path could then share more than its first part with it).
    init?(_ target: String, depths: Int = 12) {
        let parts = target.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        let isFolder = target.isEmpty || target.utf8.last == UInt8(ascii: "/")
        guard (isFolder ? parts.count : parts.count - 1) <= 1 else { return nil }
        self.target = target
        first = parts.first
        // A first part that differs from the target's (its own name with a character added) and filler parts.
        let other = (parts.first.map(String.init) ?? "") + "x"
        otherFirst = (0...depths).map { depth in
            Router.relative(from: Array(repeating: other, count: depth).joined(separator: "/") + "/", to: target)
        }
        sameFirst = (0...depths).map { depth in
            guard depth > 0, let first = parts.first else { return "" }
            return Router.relative(
                from: ([String(first)] + Array(repeating: other, count: depth - 1)).joined(separator: "/") + "/", to: target)
        }
    }

    /// The link from the page at `origin` (what `Router.relative(from: origin.path, to: target)` gives).
    func link(from origin: Origin) -> String {
        guard origin.depth < otherFirst.count else { return Router.relative(from: origin.path, to: target) }
        // Compared as bytes, as `Router.relative` compares (`==` on strings would match canonically equivalent text).
        if origin.depth > 0, let first, origin.first.utf8.elementsEqual(first.utf8) { return sameFirst[origin.depth] }
        return otherFirst[origin.depth]
    }
}
