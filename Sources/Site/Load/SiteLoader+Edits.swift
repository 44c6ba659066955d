import Content
import Diagnostics
import Foundation

extension SiteLoader {
    /// When every file in `changed` is an article already loaded whose edit leaves its routes, its place
    /// in lists and its checks as they were (only the body or `sourceHash` changed): those articles, re-read
    /// (for `SiteLibrary.replace`, which keeps the router). Nil otherwise (then `reload`).
    static func reloadEdits(_ options: BuildOptions, previous: SiteLibrary, changed: [String]) -> Result<[Page], BuildFailure>? {
        let content = FileTree(root: options.contentDirectory)
        let prefix = content.root + "/"
        var edited: [Page] = []
        for path in changed {
            guard path.hasPrefix(prefix), path.hasSuffix(".md") else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            guard let slash = relative.firstIndex(of: "/") else { return nil }
            let id = Router.PageID(language: String(relative[..<slash]), relativePath: String(relative[relative.index(after: slash)...]))
            guard let old = previous.page(id.language, id.relativePath), old.file.path == path,
                FileManager.default.fileExists(atPath: path)
            else { return nil }
            switch readText(content, relative, checkLinks: true).flatMap({
                Page.parse($0, language: id.language, relativePath: id.relativePath)
            }) {
            case .success(let fresh):
                guard Self.sameOutline(old.frontMatter, fresh.frontMatter) else { return nil }
                edited.append(fresh)
            case .failure(let failure):
                return .failure(failure)
            }
        }
        return .success(edited)
    }

    /// Whether two versions of a page's front matter give the same routes and the same checks of other
    /// files (slug, draft, layout, campaign, sources), the new one not a draft.
    static func sameRoutesAndChecks(_ a: FrontMatter, _ b: FrontMatter) -> Bool {
        a.slug == b.slug && a.draft == b.draft && !b.draft && a.layout == b.layout && a.campaign == b.campaign
            && a.sources.map(\.key) == b.sources.map(\.key) && a.aliases.map(\.path) == b.aliases.map(\.path)
            && a.aliases.map(\.location) == b.aliases.map(\.location)
    }

    /// Whether two versions of a page's front matter also give the same lists, feeds and error locations.
    private static func sameOutline(_ a: FrontMatter, _ b: FrontMatter) -> Bool {
        sameRoutesAndChecks(a, b) && a.title == b.title && a.description == b.description && a.weight == b.weight
            && a.date == b.date && a.updated == b.updated
            && a.sources.map(\.location) == b.sources.map(\.location) && a.location == b.location
    }
}
