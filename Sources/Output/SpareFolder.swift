import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One build's spare folder, opened before the first page is rendered so that each page's bytes go to disk
/// as soon as they are made (the build need not hold every page at once), and exchanged with the output
/// only by `commit`, after every error check.
///
/// Opening does every refusal first (a path outside the output, a kept name, an unsafe place, another
/// build holding the lock, a folder Guidepost did not make), before anything is written. A build that
/// ends without `commit` leaves the output as it was, and removes the spare only if it made it.
public final class SpareFolder: @unchecked Sendable {
    private let output: String
    private let target: URL
    /// The spare folder.
    public let url: URL
    private let keep: Set<String>
    private let lock: OutputLock
    private let spareExisted: Bool
    private let writer: OutputTree.Writer
    private let state = NSLock()
    private let planned: Set<String>
    private var put = Set<String>()
    private var bytesPut = 0
    private var diskFull = false
    private var committed = false
    /// The first failure of `write`, reported by `flush`.
    private var queued: OutputError?

    /// Refuses an unsafe output, takes the lock, and prepares the spare for `planned` (the output paths
    /// the build expects to write; others may be put too).
    public init(output: String, policy: SiteWriter.Policy, planned: [String]) throws(OutputError) {
        self.output = output
        target = URL(fileURLWithPath: AbsolutePath.of(output))
        url = SiteWriter.spareFolder(for: output)
        keep = Set(policy.keep)
        for path in planned { try Self.checkContained(path, output: output) }
        for path in planned { try Self.checkNotKept(path, output: output, keep: keep) }
        try OutputGuard.checkPlace(
            output,
            limits: OutputGuard.Limits(sourceFolders: policy.sourceFolders, protectedFolders: policy.protectedFolders, keep: keep))
        let parent = URL(fileURLWithPath: AbsolutePath.parent(of: output))
        do { try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw .unreadable(
                SourceLocation(path: parent.path),
                problem: "the folder for the output cannot be created (\(error.localizedDescription)); check the path and its permissions")
        }
        lock = try OutputLock(output: output, wait: policy.waitForLock, advice: policy.lockAdvice, waiting: policy.waiting)
        try OutputGuard.checkOwnership(target.path, isSpare: false, keep: keep)
        try OutputGuard.checkOwnership(url.path, isSpare: true, keep: keep)
        var info = stat()
        spareExisted = lstat(url.path, &info) == 0
        self.planned = Set(planned)
        let marker = OutputFile(path: OutputGuard.markerName, bytes: OutputGuard.marker)
        do {
            writer = try OutputTree(root: url.path, current: target.path, keep: keep).prepare(planned: self.planned.union([marker.path]))
            try writer.put(marker)
        } catch {
            if !spareExisted { try? OutputTree.remove(url.path, keeping: keep) }
            throw WriteFailure.error(error, output: output, files: [marker])
        }
        self.put.insert(marker.path)
    }

    deinit {
        if !committed { abandon() }
    }

    /// How many files were put, the marker aside.
    public var fileCount: Int { state.withLock { put.count - 1 } }

    /// Writes `file` into the spare (from any thread).
    public func put(_ file: OutputFile) throws(OutputError) {
        // Planned paths were checked when the spare was opened.
        if !planned.contains(file.path) {
            try Self.checkContained(file.path, output: output)
            try Self.checkNotKept(file.path, output: output, keep: keep)
        }
        let total = state.withLock { () -> Int in
            put.insert(file.path)
            bytesPut += file.size
            return bytesPut
        }
        do { try writer.put(file) } catch {
            if error.code == ENOSPC || error.code == EDQUOT { state.withLock { diskFull = true } }
            throw WriteFailure.error(error, output: output, files: [OutputFile(path: file.path, bytes: [])], needed: total)
        }
    }

    /// Writes `file` from the calling thread (each rendering thread writes its own pages: handing each page
    /// to a writing thread cost a thread wake-up per file), keeping the first failure for `flush`.
    public func write(_ file: OutputFile) {
        do throws(OutputError) { try put(file) } catch { state.withLock { queued = queued ?? error } }
    }

    /// Throws the first failure of `write`, if any.
    public func flush() throws(OutputError) {
        if let failure = state.withLock({ queued }) { throw failure }
    }

    /// Writes `files` into the spare, spread over all cores; throws the first failure, if any.
    public func put(_ files: [OutputFile]) throws(OutputError) {
        // Two files at one path are never written at once: the last one is the one kept, as in order.
        var last: [String: Int] = [:]
        for (index, file) in files.enumerated() { last[file.path] = index }
        let unique = last.count == files.count ? files : files.indices.filter { last[files[$0].path] == $0 }.map { files[$0] }
        let failures = parallelMap(unique) { file -> OutputError? in
            do throws(OutputError) { try self.put(file) } catch { return error }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// The bytes of a file already put (to check a `#part` link against a page no longer in memory).
    public func read(_ path: String) -> [UInt8]? { writer.read(path) }

    /// Removes the planned files that were not put, runs `finish` on the spare (e.g. a search indexer),
    /// then exchanges it with the output. If anything fails, the output is left as it was.
    public func commit(finish: (URL) throws(OutputError) -> Void = { _ in }) throws(OutputError) {
        do {
            try flush()
            for path in state.withLock({ planned.subtracting(put) }) { try writer.remove(path) }
            try finish(url)
            try SiteWriter.swap(url.path, target.path, keep: keep)
            committed = true
        } catch {
            if let error = error as? FileSystemError, error.code == ENOSPC || error.code == EDQUOT { state.withLock { diskFull = true } }
            abandon()
            committed = true
            if let error = error as? OutputError { throw error }
            throw WriteFailure.error(error, output: output, files: [], needed: state.withLock { bytesPut })
        }
    }

    /// Ends a build that will not commit: gives up as `abandon` does, before returning, so a failed build
    /// leaves nothing behind by the time it reports. After `commit`, it does nothing.
    public func cancel() {
        let open = state.withLock { () -> Bool in
            defer { committed = true }
            return !committed
        }
        if open { abandon() }
    }

    /// Gives up: the output stays as it was. The spare is Guidepost's own (checked when opened): one this
    /// build created is removed, and so is any spare when the disk is full, so a failed build leaves
    /// nothing half-written behind.
    private func abandon() {
        if !spareExisted || state.withLock({ diskFull }) { try? OutputTree.remove(url.path, keeping: keep) }
    }

    /// Refuses a path outside the output, or Guidepost's own marker.
    private static func checkContained(_ path: String, output: String) throws(OutputError) {
        if !SiteWriter.isContained(path) || path == OutputGuard.markerName {
            throw .unsafeOutput(
                SourceLocation(path: output),
                reason:
                    "the build would write \"\(path)\", which is outside the output folder or Guidepost's own marker; rename the page or asset"
            )
        }
    }

    /// Refuses a path under a name `keep` protects.
    private static func checkNotKept(_ path: String, output: String, keep: Set<String>) throws(OutputError) {
        // Most sites keep nothing: no need to cut each path (and cutting it walked characters, not bytes).
        guard !keep.isEmpty else { return }
        let top = String(path[..<(path.utf8.firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex)])
        if keep.contains(top) {
            throw .unsafeOutput(
                SourceLocation(path: output),
                reason: "the build writes \"\(top)\", which \"keep\" in content/site.json also names; remove it from one of them")
        }
    }
}
