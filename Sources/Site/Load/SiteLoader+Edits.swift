import Content
import Diagnostics
import Foundation

extension SiteLoader {
    /// What re-reading the changed files found.
    enum Reparse {
        /// Every changed file is an article already loaded, read again; `outlineKept` when none of them
        /// changed its title, place in lists or dates either (only its body or `sourceHash`).
        case articles([Page], outlineKept: Bool)
        /// A file that is not an article already loaded (new, deleted, facts, strings, templates, settings),
        /// or an article whose edit changes routes or checks of other files: everything is loaded again.
        case needsFullLoad
        /// An article could not be read or parsed.
        case failed(BuildFailure)
    }

    /// Re-reads `changed` when they are all articles of `previous` whose edit keeps their routes and the
    /// checks of other files (the one re-parse loop behind `reload` and the live fast path).
    static func reparse(_ options: BuildOptions, previous: SiteLibrary, changed: [String]) -> Reparse {
        let content = FileTree(root: options.contentDirectory)
        let prefix = content.root + "/"
        var found: [(old: Page, relative: String)] = []
        for path in changed {
            guard path.hasPrefix(prefix), path.hasSuffix(".md") else { return .needsFullLoad }
            let relative = String(path.dropFirst(prefix.count))
            guard let slash = relative.firstIndex(of: "/") else { return .needsFullLoad }
            let language = String(relative[..<slash])
            guard let old = previous.page(language, String(relative[relative.index(after: slash)...])), old.file.path == path,
                FileManager.default.fileExists(atPath: path)
            else { return .needsFullLoad }
            found.append((old, relative))
        }
        var edited: [Page] = []
        var outlineKept = true
        for (old, relative) in found {
            switch readText(content, relative, checkLinks: true).flatMap({
                Page.parse(
                    $0, language: old.language, relativePath: old.relativePath,
                    hashesBody: old.language == previous.config.sourceLanguage)
            }) {
            case .success(let fresh):
                // A change of slug, layout, campaign or sources can affect other pages' routes and checks.
                guard sameRoutesAndChecks(old.frontMatter, fresh.frontMatter) else { return .needsFullLoad }
                outlineKept = outlineKept && sameOutline(old.frontMatter, fresh.frontMatter)
                edited.append(fresh)
            case .failure(let failure):
                return .failed(failure)
            }
        }
        return .articles(edited, outlineKept: outlineKept)
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
