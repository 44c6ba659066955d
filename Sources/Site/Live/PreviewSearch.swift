import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The preview's search index: Pagefind, run in the background over the pages `guidepost serve` holds in
/// memory, which are written to a private temporary folder (never `content/` or `site/`); the index it makes
/// is served from memory. Runs coalesce: pages that arrive while Pagefind runs are indexed once it ends.
public final class PreviewSearch: @unchecked Sendable {
    /// What the search box can do now.
    public enum State: String, Sendable, Encodable {
        /// The first index is being made.
        case indexing
        /// An index is served (perhaps while a newer one is being made).
        case ready
        /// No index can be made (Pagefind is missing, or it failed before any index was made).
        case unavailable
    }

    private let lock = NSLock()
    private let pagefind: String?
    private let advice: FrontEndAdvice
    private let config: String
    private let timeout: Int
    private let notice: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "guidepost.preview-search")
    private var current = State.indexing
    private var index: [String: [UInt8]] = [:]
    /// The newest pages waiting for a run, when one is running or about to.
    private var waiting: [String: [UInt8]]?
    private var running = false
    private var disabled = false
    private var closed = false
    /// The private folder (created at the first run) and Pagefind's process group while it runs.
    private var folder: URL?
    private var child: pid_t = 0
    /// The pages in the folder, as last written (only the worker reads or writes it).
    private var written: [String: [UInt8]] = [:]

    /// A search index made with the Pagefind executable `pagefind` (nil: none was found) and the
    /// same arguments as `guidepost build`; `config` (`content/site.json`) locates a missing-Pagefind error;
    /// `notice` gets one line per run (done, or why search is unavailable); `advice` ends its errors (how to
    /// install Pagefind, in the front end's words). Nothing runs before `update`.
    public init(
        pagefind: String?, config: String, timeout: Int = 600, advice: FrontEndAdvice = FrontEndAdvice(),
        notice: @escaping @Sendable (String) -> Void
    ) {
        self.pagefind = pagefind
        self.advice = advice
        self.config = config
        self.timeout = timeout
        self.notice = notice
    }

    /// What the search box can do now.
    public var state: State { lock.withLock { current } }

    /// A file of the index served, by its path in the site (`pagefind/pagefind-ui.js`).
    public func file(_ path: String) -> [UInt8]? { lock.withLock { current == .ready ? index[path] : nil } }

    /// Indexes `files` (a site's output files, of which the HTML pages are indexed) in the background; if a run
    /// is under way, the newest files are indexed once after it. Pages equal to the last run's are not rewritten,
    /// and when none changed Pagefind does not run again.
    public func update(_ files: [String: [UInt8]]) {
        let start: Bool = lock.withLock {
            guard !disabled, !closed else { return false }
            waiting = files
            if running { return false }
            running = true
            return true
        }
        if start { queue.async { self.work() } }
    }

    /// Stops a running Pagefind and removes the private folder (at the end of `serve`).
    public func close() {
        let (folder, child) = lock.withLock { () -> (URL?, pid_t) in
            closed = true
            return (self.folder, self.child)
        }
        if child > 0 { kill(-child, SIGKILL) }
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private func work() {
        while true {
            let next: [String: [UInt8]]? = lock.withLock {
                let files = closed ? nil : waiting
                waiting = nil
                if files == nil { running = false }
                return files
            }
            guard let next else { return }
            run(next)
        }
    }

    /// One run: the changed pages written, Pagefind over them, its output read into memory.
    private func run(_ files: [String: [UInt8]]) {
        let start = Date()
        guard let site = prepare() else { return }
        let pages = files.filter { $0.key.hasSuffix(".html") }
        var changed = false
        do {
            for (path, bytes) in pages where written[path] != bytes {
                let file = site.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
                changed = true
            }
            for path in written.keys where pages[path] == nil {
                try? FileManager.default.removeItem(at: site.appendingPathComponent(path))
                changed = true
            }
        } catch {
            failed("the pages could not be written to \(site.path) for Pagefind: \(error.localizedDescription)")
            written = [:]
            return
        }
        written = pages
        if !changed, state == .ready { return }
        let output = site.appendingPathComponent("pagefind")
        try? FileManager.default.removeItem(at: output)
        do {
            try SearchIndex.build(in: site, pagefind: pagefind, config: config, timeout: timeout, advice: advice) { pid in
                lock.withLock { child = pid }
            }
        } catch {
            lock.withLock { child = 0 }
            failed(error.description)
            return
        }
        lock.withLock { child = 0 }
        guard let made = Self.read(output) else {
            failed("Pagefind's index in \(output.path) could not be read")
            return
        }
        lock.withLock {
            index = made
            current = .ready
        }
        let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        notice("search index made: \(pages.count) page\(pages.count == 1 ? "" : "s") in \(milliseconds) ms")
    }

    /// The private folder's `site/`, created at the first run; nil (search unavailable) when Pagefind is
    /// missing or the folder cannot be made.
    private func prepare() -> URL? {
        if let existing = lock.withLock({ self.folder }) { return existing.appendingPathComponent("site") }
        if case .failure(let missing) = SearchIndex.executable(pagefind, config: config, advice: advice) {
            disable(missing.description)
            return nil
        }
        let name = (NSTemporaryDirectory() as NSString).appendingPathComponent("guidepost-serve-search.XXXXXX")
        var template = Array(name.utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) != nil }) else {
            disable("no private folder for the search index in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))")
            return nil
        }
        let folder = URL(fileURLWithPath: template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        let kept = lock.withLock { () -> Bool in
            if closed { return false }
            self.folder = folder
            return true
        }
        guard kept else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
        return folder.appendingPathComponent("site")
    }

    /// Search stays unavailable for the rest of the preview.
    private func disable(_ reason: String) {
        lock.withLock {
            disabled = true
            current = .unavailable
            waiting = nil
        }
        notice("search is unavailable in the preview: \(reason)")
    }

    /// A run failed: before any index, search is unavailable until a run succeeds; after, the last index stays.
    private func failed(_ reason: String) {
        let first = lock.withLock { () -> Bool in
            if current == .ready { return false }
            current = .unavailable
            return true
        }
        notice(
            first
                ? "search is unavailable in the preview: \(reason)"
                : "search index not updated (the previous one is still served): \(reason)")
    }

    /// Every regular file under `folder`, keyed by its path from `folder`'s parent (`pagefind/…`).
    private static func read(_ folder: URL) -> [String: [UInt8]]? {
        let base = folder.deletingLastPathComponent().standardizedFileURL.path + "/"
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [], errorHandler: { _, _ in false })
        else { return nil }
        var files: [String: [UInt8]] = [:]
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base), let data = try? Data(contentsOf: url) else { return nil }
            files[String(path.dropFirst(base.count))] = Array(data)
        }
        return files.isEmpty ? nil : files
    }
}
