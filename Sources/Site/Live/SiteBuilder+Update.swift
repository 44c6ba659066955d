import Content
import Diagnostics
import Foundation
import Output

extension SiteBuilder {
    /// Re-renders only what an edit of the articles `edited` affects, when the edit changed no route,
    /// listing or check (see `SiteLoader.reparse`): each edited page; for a source page, its
    /// translations (their stale notices) and the fallbacks showing it. When a row of the translation
    /// board changed, the board (which lists every page) is left to be rendered when it is asked for
    /// (`cache.boardPending`, see `LiveSite`). `needsFullBuild` when `cache` cannot serve (first build, a new
    /// day or deadline state); `cache` changes only when the outcome is `updated`.
    static func update(
        _ library: SiteLibrary, edited: [Router.PageID], now: Date,
        cache: inout RenderCache
    ) -> IncrementalOutcome {
        guard let shared = cache.shared, cache.audit != nil, shared.now == BuildFingerprint.nowKey(library, now: now) else {
            return .needsFullBuild
        }
        let source = library.config.sourceLanguage
        var jobs: [Job] = []
        var seen = Set<String>()
        func add(_ job: Job) { if seen.insert(job.path).inserted { jobs.append(job) } }
        for id in edited {
            guard let index = library.position(id.language, id.relativePath), let path = library.router.path(of: library.pages[index])
            else { return .needsFullBuild }
            add(Job(pageIndex: index, language: id.language, path: path, isFallback: false))
            guard id.language == source else { continue }
            for language in library.config.languages where language != source {
                if let translation = library.position(language, id.relativePath),
                    let path = library.router.path(of: library.pages[translation])
                {
                    add(Job(pageIndex: translation, language: language, path: path, isFallback: false))
                } else if let path = library.router.path(of: Router.PageID(language: language, relativePath: id.relativePath)) {
                    add(Job(pageIndex: index, language: language, path: path, isFallback: true))
                }
            }
        }
        // The edit changed no title, description, weight, slug or campaign (`sameOutline`): navigation is as it was.
        let plan = Plan(library, now: now, navigation: cache.navigation, jobs: jobs)
        let outcomes = renderAll(plan)
        var errors = DiagnosticCollector()
        var rendered: [(Job, Rendered)] = []
        var links: [AnchorLink] = []
        var fresh: [String: [UInt8]] = [:]
        for (job, outcome) in zip(jobs, outcomes) {
            if !job.isFallback { links += outcome.anchors }
            switch outcome.result {
            case .success(let page):
                rendered.append((job, page))
                fresh[job.path] = page.file.bytes
            case .failure(let failure): if !job.isFallback { errors += failure }
            }
        }
        // `#part` links of unchanged pages into the re-rendered ones are checked again too: an edit may have
        // removed the heading they name. Links between unchanged pages passed the build that filled the cache.
        for path in seen {
            for (from, link) in cache.anchorsInto[path] ?? [] where !seen.contains(from) { links.append(link) }
        }
        errors += AnchorCheck.errors(links) { id in
            library.router.path(of: id).flatMap { fresh[$0] ?? cache.entries[$0]?.rendered.file.bytes }
        }
        guard errors.isEmpty else { return .failed(BuildFailure(errors)) }

        var files: [OutputFile] = []
        cache.renderedPaths = []
        for (job, page) in rendered {
            if page.report != nil {
                cache.indexAnchors(
                    from: job.path, page.anchors, replacing: cache.entries[job.path]?.rendered.anchors ?? [], router: library.router)
            }
            let fingerprint = shared.of(
                job, library: library, usedFacts: page.usedFacts, linkedPages: page.linkedPages, usedFiles: page.usedFiles)
            cache.entries[job.path] = RenderCache.Entry(fingerprint: fingerprint, rendered: page)
            cache.renderedPaths.append(page.file.path)
            files.append(page.file)
        }
        var boardChanged = false
        for relativePath in Set(edited.map(\.relativePath)).sorted() {
            let entries = cache.entries
            // In place (the cache holds the only copy), so an edit costs the same on any size of site.
            let changed =
                cache.audit?.update(relativePath, library: library) { language in
                    library.router.translationPath(of: Router.PageID(language: language, relativePath: relativePath))
                        .flatMap { entries[$0]?.rendered.report }
                } ?? false
            boardChanged = boardChanged || changed
        }
        if boardChanged {
            // Rendered on request: on a large site the board costs more than the edited pages.
            cache.boardPending = now
            // The cached site-wide files no longer match their fingerprint: the next full build redoes them.
            cache.extras = nil
        }
        return .updated(files)
    }
}
