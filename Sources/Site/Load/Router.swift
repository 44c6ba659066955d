import Content
import Diagnostics

#if canImport(Glibc)
    import Glibc
#endif

/// Decides where each page is written and how pages link to one another.
///
/// A page's URL path is `<lang>/<folder slugs>/<page slug>/`. A folder's slug is the slug of its
/// `index.md` in that language, else the folder's name; a page's slug is its `slug`, else its file name.
/// Internal links are relative, so the site works under any base path.
public struct Router: Sendable {
    /// A page's identity: its language and its path under `content/<lang>/`.
    public struct PageID: Hashable, Sendable {
        /// The language.
        public var language: String
        /// The path under the language folder.
        public var relativePath: String
        /// Creates an id.
        public init(language: String, relativePath: String) {
            self.language = language
            self.relativePath = relativePath
        }

        /// Hashes the path only: a site has a handful of languages, so the few translations of a path that
        /// share a hash are told apart by `==`, and each lookup (tens of thousands in a build) hashes one
        /// string instead of two.
        public func hash(into hasher: inout Hasher) { hasher.combine(relativePath) }
    }

    /// Names Guidepost writes itself in each language's folder, which no page or section may take.
    static let reservedNames: Set<String> = ["404.html", "feed.xml", "index.html"]

    /// The absolute base URL, ending in `/`.
    public let baseURL: String
    private var paths: [PageID: String] = [:]
    /// Where a source-language page is shown in a language that lacks its translation.
    private var fallbacks: [PageID: String] = [:]

    /// Routes `pages`, reporting unusable names and two pages that would share an output file.
    /// A page of `sourceLanguage` missing in another of `languages` gets a fallback route there, with the same slugs.
    public init(pages: [Page], baseURL: String, sourceLanguage: String? = nil, languages: [String] = [], errors: inout DiagnosticCollector)
    {
        self.baseURL = baseURL
        // Indices, not pages: a page is a large value, and thousands of copies showed in profiles.
        let byID = Dictionary(
            pages.indices.map { (PageID(language: pages[$0].language, relativePath: pages[$0].relativePath), $0) },
            uniquingKeysWith: { a, _ in a })
        var owners: [String: Int] = [:]
        // Sized once: growing a table of string keys rehashes every key at each doubling.
        owners.reserveCapacity(pages.count)
        paths.reserveCapacity(pages.count)
        for position in pages.indices {
            // Fields read in place: a page is a large value, and copying it for each route showed in profiles.
            var segments = [pages[position].language]
            // Split on UTF-8 bytes (splitting the string walks characters).
            let components = pages[position].relativePath.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
            var folder = ""
            var usable = true
            for name in components.dropLast() {
                folder = folder.isEmpty ? name : "\(folder)/\(name)"
                let indexSlug = byID[PageID(language: pages[position].language, relativePath: "\(folder)/index.md")].flatMap {
                    pages[$0].frontMatter.slug
                }
                let segment = indexSlug ?? name
                if indexSlug == nil, !FrontMatter.isValidSlug(name) {
                    errors.append(ContentError.invalidSlug(SourceLocation(path: pages[position].file.path), slug: name))
                    usable = false
                }
                segments.append(segment)
            }
            if !pages[position].isIndex {
                let stem = String(components.last!.dropLast(3))
                let slug = pages[position].frontMatter.slug ?? stem
                if pages[position].frontMatter.slug == nil, !FrontMatter.isValidSlug(stem) {
                    errors.append(ContentError.invalidSlug(SourceLocation(path: pages[position].file.path), slug: stem))
                    usable = false
                }
                segments.append(slug)
            }
            guard usable else { continue }
            if segments.count > 1, Router.reservedNames.contains(segments[1]) {
                let own = pages[position].isIndex || components.count > 1 ? nil : pages[position].frontMatter.slugLocation
                let folderIndex =
                    components.count > 1 ? byID[PageID(language: pages[position].language, relativePath: "\(components[0])/index.md")] : nil
                let location =
                    own ?? folderIndex.flatMap { pages[$0].frontMatter.slugLocation } ?? SourceLocation(path: pages[position].file.path)
                errors.append(SiteError.reservedSlug(location, slug: segments[1], output: "\(pages[position].language)/\(segments[1])"))
                continue
            }
            let path = segments.joined(separator: "/") + "/"
            if let other = owners[path] {
                errors.append(
                    SiteError.duplicateOutput(
                        pages[position].frontMatter.location, output: path + "index.html", other: pages[other].frontMatter.location))
                continue
            }
            owners[path] = position
            paths[PageID(language: pages[position].language, relativePath: pages[position].relativePath)] = path
        }
        guard let sourceLanguage else { return }
        for index in pages.indices where pages[index].language == sourceLanguage {
            let relativePath = pages[index].relativePath
            guard let sourcePath = paths[PageID(language: sourceLanguage, relativePath: relativePath)] else { continue }
            for language in languages where language != sourceLanguage {
                let id = PageID(language: language, relativePath: relativePath)
                let path = language + sourcePath.dropFirst(sourceLanguage.count)
                guard paths[id] == nil, owners[path] == nil else { continue }
                fallbacks[id] = path
            }
        }
    }

    /// The routes of source pages shown in languages that lack their translation.
    public var fallbackRoutes: [(id: PageID, path: String)] {
        fallbacks.map { (id: $0.key, path: $0.value) }.sorted { $0.path < $1.path }
    }

    /// Every page's and fallback's URL path.
    public var allPaths: Set<String> { Set(paths.values).union(fallbacks.values) }

    /// The URL path of a real translation only (never a fallback), for hreflang and the switcher.
    public func translationPath(of id: PageID) -> String? { paths[id] }

    /// The URL path (`fr/objecter/facebook/`) of a page, or of its fallback, if it is routed.
    public func path(of id: PageID) -> String? { paths[id] ?? fallbacks[id] }

    /// The URL path of `page`.
    public func path(of page: Page) -> String? { paths[PageID(language: page.language, relativePath: page.relativePath)] }

    /// The absolute URL of a site path.
    public func absolute(_ path: String) -> String { baseURL + path }

    /// A relative URL from the page at `from` (a folder path such as `fr/a/`) to `to` (a path under the site root).
    public static func relative(from: String, to: String) -> String {
        var from = from
        var to = to
        // On UTF-8 bytes without splitting into arrays: several of these run for every page.
        return from.withUTF8 { f in to.withUTF8 { t in relative(f, t) } }
    }

    private static func relative(_ from: UnsafeBufferPointer<UInt8>, _ to: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/")
        func component(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Range<Int>? {
            var lower = start
            while lower < bytes.count, bytes[lower] == slash { lower += 1 }
            guard lower < bytes.count else { return nil }
            var upper = lower
            while upper < bytes.count, bytes[upper] != slash { upper += 1 }
            return lower..<upper
        }
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var total = 0
            var position = 0
            while let range = component(bytes, after: position) {
                total += 1
                position = range.upperBound
            }
            return total
        }
        let isFolder = to.isEmpty || to[to.count - 1] == slash
        let fromCount = count(from)
        let toCount = count(to)
        let sharable = isFolder ? toCount : toCount - 1
        var common = 0
        var fromPosition = 0
        var toPosition = 0
        while common < fromCount, common < sharable,
            let a = component(from, after: fromPosition), let b = component(to, after: toPosition),
            a.count == b.count, memcmp(from.baseAddress! + a.lowerBound, to.baseAddress! + b.lowerBound, a.count) == 0
        {
            common += 1
            fromPosition = a.upperBound
            toPosition = b.upperBound
        }
        // Written straight into the string's storage: `../` per level up, then the rest of `to` (at most
        // `to.count` bytes), or `./` when both are the same folder.
        let dot = UInt8(ascii: ".")
        let up = fromCount - common
        return String(unsafeUninitializedCapacity: 3 * up + to.count + 2) { output in
            var length = 0
            for _ in 0..<up {
                output[length] = dot
                output[length + 1] = dot
                output[length + 2] = slash
                length += 3
            }
            var first = true
            var hasRest = false
            while let range = component(to, after: toPosition) {
                if !first {
                    output[length] = slash
                    length += 1
                }
                for index in range {
                    output[length] = to[index]
                    length += 1
                }
                first = false
                hasRest = true
                toPosition = range.upperBound
            }
            if isFolder, hasRest {
                output[length] = slash
                length += 1
            }
            if length == 0 {
                output[0] = dot
                output[1] = slash
                length = 2
            }
            return length
        }
    }

    /// Resolves `link` (relative to `relativePath`'s folder) to a page path under the language folder.
    public static func resolve(_ link: String, from relativePath: String) -> String? {
        // The common case, a file in the same folder (`other.md`), without splitting and joining.
        // On UTF-8 bytes: `lastIndex(of:)` on the string itself walks characters (grapheme breaking).
        let slashByte = UInt8(ascii: "/")
        if !link.isEmpty, link != ".", link != "..", !link.containsByte(slashByte), relativePath.utf8.first != slashByte {
            guard let slash = relativePath.lastIndex(ofByte: slashByte) else { return link }
            return String(relativePath[...slash]) + link
        }
        var parts = relativePath.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
