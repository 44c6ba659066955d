import Content
import Diagnostics
import Foundation
import Output

/// A site kept in memory and rebuilt incrementally as its sources change: the core of `guidepost serve`.
///
/// The last good build keeps being served when a rebuild fails; the failure's errors are kept for display.
public final class LiveSite: @unchecked Sendable {
    /// What one rebuild did.
    public struct Rebuild: Sendable, Codable {
        /// The source files whose change caused it (empty for the first build).
        public var trigger: [String]
        /// The output paths of the pages rendered again (the others were reused).
        public var renderedPages: [String]
        /// How long it took.
        public var milliseconds: Int
        /// The errors, when it failed (the previous site stays served).
        public var errors: [String]
        /// Whether no build has succeeded yet, so there is no previous site to serve.
        public var nothingToServe = false

        /// `rebuilt after content/fr/a.md changed: 3 pages re-rendered in 12 ms`, or the failure.
        public var summary: String {
            let cause = trigger.isEmpty ? "built" : "rebuilt after \(trigger.joined(separator: ", ")) changed"
            if !errors.isEmpty {
                let serving =
                    nothingToServe
                    ? "nothing to serve until they are fixed (the browser shows them)" : "still serving the last good version"
                return "\(cause): \(errors.count) error\(errors.count == 1 ? "" : "s"), \(serving)\n" + errors.joined(separator: "\n")
            }
            return "\(cause): \(renderedPages.count) page\(renderedPages.count == 1 ? "" : "s") re-rendered in \(milliseconds) ms"
        }
    }

    private let lock = NSLock()
    private let options: BuildOptions
    private let useClock: Bool
    private var files: [String: OutputFile] = [:]
    private var cache = RenderCache()
    private var library: SiteLibrary?
    /// Files changed since the last good build (a failed rebuild's changes are retried with the next).
    private var pending = Set<String>()
    private var state = (version: 0, last: Rebuild?.none)
    /// One rendering of a pending translation board at a time.
    private let boardLock = NSLock()

    /// Builds the site once, in memory. With `useClock`, `options.now` is ignored and each rebuild uses
    /// the clock; without, every rebuild uses `options.now` (to preview a banner state).
    public init(options: BuildOptions, useClock: Bool = true) {
        self.options = options
        self.useClock = useClock
        _ = rebuild(trigger: [])
    }

    /// Increases with every successful rebuild.
    public var version: Int { lock.withLock { state.version } }

    /// The last rebuild's report.
    public var lastRebuild: Rebuild? { lock.withLock { state.last } }

    /// The output files an incremental rebuild left to be rendered when they are asked for (the translation
    /// board, which lists every page), sorted; empty when every file served is current.
    public var pendingFiles: [String] { lock.withLock { cache.boardPending == nil ? [] : [SiteExtras.boardPath] } }

    /// The bytes of the output file at `path` (e.g. `fr/index.html`), from the last good build; an image is
    /// read from its file in the image cache (nil if that file has been deleted since).
    public func file(_ path: String) -> [UInt8]? {
        if path == SiteExtras.boardPath { renderPendingBoard() }
        guard let file = lock.withLock({ files[path] }) else { return nil }
        guard let source = file.source else { return file.bytes }
        return FileManager.default.contents(atPath: source).map { [UInt8]($0) }
    }

    /// Whether `site.json` turns search on, and then every output file of the last good build held in memory
    /// (their bytes shared, not copied) for the search index; no files when search is off.
    public func snapshot() -> (files: [String: [UInt8]], search: Bool) {
        guard lock.withLock({ library?.config.search ?? false }) else { return ([:], false) }
        renderPendingBoard()
        // Files kept in memory only: a file published from disk (a processed image) is not read for this.
        let files = lock.withLock { self.files }
        return (files.compactMapValues { $0.source == nil ? $0.bytes : nil }, true)
    }

    /// Renders the translation board when an incremental rebuild left it pending: outside the lock (other
    /// files are served meanwhile), one rendering at a time, and kept only if no rebuild ran in between
    /// (while one runs, the last board is served and the next request renders it). The templates are those
    /// of the full build that rendered the board before (a template change means a full build), so it does
    /// not fail; if it did, the last board would stay served.
    private func renderPendingBoard() {
        boardLock.withLock {
            let pending = lock.withLock { () -> (SiteLibrary, TranslationAudit, Navigation, Date, Int)? in
                guard let library, let now = cache.boardPending, let audit = cache.audit, let navigation = cache.navigation else {
                    return nil
                }
                return (library, audit, navigation, now, state.version)
            }
            guard let (library, audit, navigation, now, version) = pending else { return }
            let views = ViewFactory(library: library, now: now, assetPaths: AssetPaths(assets: library.assets), navigation: navigation)
            guard let board = try? SiteExtras.translationBoard(library: library, views: views, audit: audit) else { return }
            lock.withLock {
                guard state.version == version, self.library != nil, cache.boardPending == now else { return }
                files[board.path] = board
                cache.boardPending = nil
            }
        }
    }

    /// The translation problems of the site served, as `guidepost check` prints them (computed on demand,
    /// so a rebuild does not pay for them).
    public func translationWarnings() -> [String] {
        let audit = lock.withLock { cache.audit }
        return audit?.problems.map(\.asWarning.description) ?? []
    }

    /// The URL path (`/fr/chronologie/`) of the page made from the source file `path` (as the watcher names
    /// it, e.g. `content/fr/timeline.md`), or nil when it is not a published page.
    public func pageURL(forSource path: String) -> String? {
        lock.withLock {
            guard let library, let page = library.pages.first(where: { $0.file.path == path }),
                let output = library.router.path(of: page)
            else { return nil }
            return "/" + (output.hasSuffix("index.html") ? String(output.dropLast("index.html".count)) : output)
        }
    }

    /// Rebuilds after `trigger` changed, re-rendering only what depends on it. Never throws: on failure the
    /// previous files stay and the report carries the errors.
    @discardableResult
    public func rebuild(trigger: [String]) -> Rebuild {
        let start = Date()
        var buildOptions = options
        if useClock { buildOptions.now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)) }
        let changed = lock.withLock { pending.union(trigger).sorted() }
        var report = Rebuild(trigger: trigger, renderedPages: [], milliseconds: 0, errors: [])
        if !changed.isEmpty, updateIncrementally(changed, options: buildOptions, report: &report) {
            report.milliseconds = Int(Date().timeIntervalSince(start) * 1000)
            lock.withLock { state.last = report }
            return report
        }
        let previous = lock.withLock { self.library }
        var cache = lock.withLock { self.cache }
        let loaded = previous.map { SiteLoader.reload(buildOptions, previous: $0, changed: changed) } ?? SiteLoader.load(buildOptions)
        switch loaded.flatMap({ library in cache.build(library, now: buildOptions.now).map { (library, $0) } }) {
        case .success(let (library, site)):
            report.renderedPages = cache.renderedPaths
            let table = Dictionary(site.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
            lock.withLock {
                self.files = table
                self.cache = cache
                self.library = library
                self.pending.removeAll()
                self.state.version += 1
            }
        case .failure(let failure):
            report.errors = failure.diagnostics.map(\.description)
            lock.withLock { pending.formUnion(trigger) }
        }
        report.milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        lock.withLock {
            report.nothingToServe = state.version == 0
            state.last = report
        }
        return report
    }

    /// The fast path for edits of article bodies (`IncrementalBuild`): re-renders only the pages they affect
    /// and updates the served files in place. False when it cannot serve the change (then the caller does a
    /// full rebuild).
    private func updateIncrementally(_ changed: [String], options: BuildOptions, report: inout Rebuild) -> Bool {
        // The library and the cache are taken out of `self` while they are updated, so their large tables
        // are changed in place, never copied: an edit costs the same on any size of site.
        var (taken, cache) = lock.withLock { () -> (SiteLibrary?, RenderCache) in
            let taken = (self.library, self.cache)
            self.library = nil
            self.cache = RenderCache()
            return taken
        }
        guard var library = taken.take() else {
            lock.withLock { self.cache = cache }
            return false
        }
        let outcome = IncrementalBuild.run(options, changed: changed, library: &library, cache: &cache)
        lock.withLock {
            self.library = library
            self.cache = cache
        }
        switch outcome {
        case .needsFullBuild:
            return false
        case .failed(let failure):
            report.errors = failure.diagnostics.map(\.description)
            lock.withLock { pending.formUnion(report.trigger) }
        case .updated(let files):
            report.renderedPages = cache.renderedPaths
            lock.withLock {
                for file in files { self.files[file.path] = file }
                self.pending.removeAll()
                self.state.version += 1
            }
        }
        return true
    }
}
