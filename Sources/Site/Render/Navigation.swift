import Content
import Markdown
import Output
import Templates

/// The content tree of every language, built once per build: sections (folders with an `index.md`),
/// their pages in reading order (weight, then title), breadcrumbs, previous/next and the site menu.
/// A language that lacks a page uses its fallback (the source text), so every language has one tree.
struct Navigation: Sendable {
    /// A page as navigation shows it.
    struct Entry: Sendable {
        /// Its path under the language folder (`facebook.md`, `linkedin/index.md`).
        var relativePath: String
        /// Its output path (`fr/facebook/`).
        var path: String
        /// Its title, typeset for its language.
        var title: String
        /// Its description, typeset.
        var description: String?
        /// Its weight.
        var weight: Int
        /// Its campaign, if any.
        var campaign: String?
        /// Whether the language shows the source text here.
        var isFallback: Bool
        /// Whether it is a section's `index.md`.
        var isIndex: Bool { relativePath == "index.md" || relativePath.hasSuffix("/index.md") }
        /// The folder it lists (for an index) or lives in (for a page): `""` at the top.
        // The slash found in UTF-8 bytes, as `Router` splits paths (`lastIndex(of:)` on the string walks characters).
        var folder: String { relativePath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relativePath[..<$0]) } ?? "" }
    }

    /// Per language: relative path → entry.
    private var entries: [String: [String: Entry]] = [:]
    /// Per language and folder: the pages and subsection indexes in it, in reading order.
    private var children: [String: [String: [Entry]]] = [:]
    /// Per language and page: the pages before and after it in its section (computed once: O(pages)).
    private var neighbourTable: [String: [String: (previous: Entry?, next: Entry?)]] = [:]
    /// `site.json`'s menu (source paths), or nil for the top-level entries.
    private let menuPaths: [String]?
    /// Per language: the menu, computed once.
    private var menus: [String: [Entry]] = [:]
    /// Without `site.json`'s `menu`, the top-level pages join the menu only when there are at most this
    /// many of them (a site of thousands of flat pages gets its sections only).
    static let automaticMenuLimit = 20

    init(library: SiteLibrary) {
        menuPaths = library.config.menu
        let languages = library.config.languages
        let fallbackRoutes = library.router.fallbackRoutes
        // Each language's tree is built on its own core: they share nothing.
        let trees = parallelMap(languages) { Navigation.tree(of: $0, library: library, fallbackRoutes: fallbackRoutes) }
        for (language, tree) in zip(languages, trees) {
            entries[language] = tree.entries
            children[language] = tree.children
            neighbourTable[language] = tree.neighbours
            menus[language] = computeMenu(in: language)
        }
    }

    /// One language's entries, folders in reading order, and neighbours.
    private static func tree(of language: String, library: SiteLibrary, fallbackRoutes: [(id: Router.PageID, path: String)])
        -> (entries: [String: Entry], children: [String: [Entry]], neighbours: [String: (previous: Entry?, next: Entry?)])
    {
        let source = library.config.sourceLanguage
        var table: [String: Entry] = [:]
        for index in library.pages.indices where library.pages[index].language == language {
            let page = library.pages[index]
            guard let path = library.router.path(of: page) else { continue }
            table[page.relativePath] = Navigation.entry(page, path: path, isFallback: false)
        }
        for route in fallbackRoutes where route.id.language == language {
            guard let page = library.page(source, route.id.relativePath) else { continue }
            table[route.id.relativePath] = Navigation.entry(page, path: route.path, isFallback: true)
        }
        var folders: [String: [Entry]] = [:]
        for entry in table.values where entry.relativePath != "index.md" {
            // An index is listed in the folder that holds its section; a page in its own folder.
            let parent = entry.isIndex ? Navigation.parent(of: entry.folder) : entry.folder
            folders[parent, default: []].append(entry)
        }
        for key in folders.keys {
            folders[key]!.sort { ($0.weight, $0.title, $0.relativePath) < ($1.weight, $1.title, $1.relativePath) }
        }
        var neighbours: [String: (previous: Entry?, next: Entry?)] = [:]
        for list in folders.values {
            let pages = list.filter { !$0.isIndex }
            for (index, page) in pages.enumerated() {
                neighbours[page.relativePath] = (index > 0 ? pages[index - 1] : nil, index + 1 < pages.count ? pages[index + 1] : nil)
            }
        }
        return (table, folders, neighbours)
    }

    private static func entry(_ page: Page, path: String, isFallback: Bool) -> Entry {
        let front = page.frontMatter
        return Entry(
            relativePath: page.relativePath, path: path, title: Typography.apply(front.title, language: page.language),
            description: front.description.map { Typography.apply($0, language: page.language) },
            weight: front.weight, campaign: front.campaign, isFallback: isFallback)
    }

    /// `a/b` → `a`; `a` → `""`.
    static func parent(of folder: String) -> String {
        guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(folder[..<slash])
    }

    /// The entry of `relativePath` in `language`.
    func entry(_ language: String, _ relativePath: String) -> Entry? { entries[language]?[relativePath] }

    /// The pages and sections directly in `folder` (`""` for the top level), in reading order.
    func children(of folder: String, in language: String) -> [Entry] { children[language]?[folder] ?? [] }

    /// The pages before and after `relativePath` among its section's pages (sections' indexes left out).
    func neighbours(of relativePath: String, in language: String) -> (previous: Entry?, next: Entry?) {
        neighbourTable[language]?[relativePath] ?? (nil, nil)
    }

    /// The sections that hold `relativePath`, outermost first (each one's index entry).
    func ancestors(of relativePath: String, in language: String) -> [Entry] {
        guard let entry = entry(language, relativePath) else { return [] }
        var folder = entry.isIndex ? Navigation.parent(of: entry.folder) : entry.folder
        var chain: [Entry] = []
        while !folder.isEmpty {
            if let index = self.entry(language, folder + "/index.md") { chain.append(index) }
            folder = Navigation.parent(of: folder)
        }
        return chain.reversed()
    }

    /// The site menu: `site.json`'s `menu` in its order, else the top-level pages and sections (only the
    /// sections when there are more than `automaticMenuLimit` top-level pages).
    func menu(in language: String) -> [Entry] { menus[language] ?? [] }

    private func computeMenu(in language: String) -> [Entry] {
        guard let menuPaths else {
            let top = children(of: "", in: language)
            return top.filter { !$0.isIndex }.count <= Navigation.automaticMenuLimit ? top : top.filter(\.isIndex)
        }
        return menuPaths.compactMap { entry(language, Navigation.menuTarget($0)) }
    }

    /// `linkedin/` → `linkedin/index.md`; `facebook.md` stays.
    static func menuTarget(_ item: String) -> String { item.hasSuffix("/") ? item + "index.md" : item }

    /// Everything navigation shows for `language`, hashed, so a page is re-rendered when any title,
    /// description, weight, route or order changes.
    func fingerprint(_ language: String) -> Int {
        var hasher = Hasher()
        for (relativePath, entry) in (entries[language] ?? [:]).sorted(by: { $0.key < $1.key }) {
            hasher.combine(relativePath)
            hasher.combine(entry.path)
            hasher.combine(entry.title)
            hasher.combine(entry.description)
            hasher.combine(entry.weight)
            hasher.combine(entry.campaign)
            hasher.combine(entry.isFallback)
        }
        hasher.combine(menuPaths)
        return hasher.finalize()
    }
}
