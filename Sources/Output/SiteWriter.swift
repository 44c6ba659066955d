import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a built site so that the output folder is only ever the old site or the complete new one.
///
/// The new site is prepared in a spare folder beside the output (`.site.spare` for `site`), which is the
/// site of the build before last: only files that differ from it are written, files it has too many
/// are deleted, and then the two folders are exchanged in one `renameat2(RENAME_EXCHANGE)` call. The old
/// site becomes the next build's spare, so no build deletes a whole tree or creates every folder anew.
public enum SiteWriter {
    /// The spare folder used for `output`.
    public static func spareFolder(for output: String) -> URL {
        URL(fileURLWithPath: AbsolutePath.parent(of: output) + "/.\(AbsolutePath.name(of: output)).spare")
    }

    /// How a write may proceed: what it must not touch, what it keeps, and what to do when another build
    /// holds the output.
    public struct Policy: Sendable {
        /// Folders the output may not be, contain or lie inside (the content and templates folders).
        public var sourceFolders: [String]
        /// Folders the output may never be (the user's home folder).
        public var protectedFolders: [String]
        /// Top-level names in the output (`.git`, `CNAME`) that survive every build.
        public var keep: [String]
        /// Whether to wait for another build that is writing the same output (else fail at once).
        public var waitForLock: Bool
        /// Told once, with the lock file's path, when this build starts waiting for another.
        public var waiting: @Sendable (String) -> Void
        /// How to make a build wait, added to the error when it does not (the front end's words: its flag).
        public var lockAdvice: String?

        /// Creates a policy.
        public init(
            sourceFolders: [String] = [], protectedFolders: [String] = [], keep: [String] = [],
            waitForLock: Bool = true, waiting: @escaping @Sendable (String) -> Void = { _ in }, lockAdvice: String? = nil
        ) {
            self.sourceFolders = sourceFolders
            self.protectedFolders = protectedFolders
            self.keep = keep
            self.waitForLock = waitForLock
            self.waiting = waiting
            self.lockAdvice = lockAdvice
        }
    }

    /// Brings the spare folder to exactly `files` (plus the output marker), runs `finish` on it (e.g. a
    /// search indexer), then swaps it with `output`. If anything fails, `output` is left as it was.
    /// Nothing is replaced, moved or deleted unless Guidepost can prove it made it (`OutputGuard`).
    public static func write(
        _ files: [OutputFile], to output: String, policy: Policy = Policy(),
        finish: (URL) throws(OutputError) -> Void = { _ in }
    ) throws(OutputError) {
        let target = URL(fileURLWithPath: AbsolutePath.of(output))
        let spare = spareFolder(for: output)
        let keep = Set(policy.keep)
        for file in files where !isContained(file.path) || file.path == OutputGuard.markerName {
            throw OutputError.unsafeOutput(
                SourceLocation(path: output),
                reason:
                    "the build would write \"\(file.path)\", which is outside the output folder or Guidepost's own marker; rename the page or asset"
            )
        }
        for file in files {
            let top = String(file.path.prefix { $0 != "/" })
            if keep.contains(top) {
                throw OutputError.unsafeOutput(
                    SourceLocation(path: output),
                    reason: "the build writes \"\(top)\", which \"keep\" in content/site.json also names; remove it from one of them")
            }
        }
        try OutputGuard.checkPlace(
            output,
            limits: OutputGuard.Limits(
                sourceFolders: policy.sourceFolders, protectedFolders: policy.protectedFolders, keep: keep))
        let parent = URL(fileURLWithPath: AbsolutePath.parent(of: output))
        do { try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw OutputError.unreadable(
                SourceLocation(path: parent.path),
                problem: "the folder for the output cannot be created (\(error.localizedDescription)); check the path and its permissions")
        }
        let lock = try OutputLock(output: output, wait: policy.waitForLock, advice: policy.lockAdvice, waiting: policy.waiting)
        defer { withExtendedLifetime(lock) {} }
        try OutputGuard.checkOwnership(target.path, isSpare: false, keep: keep)
        try OutputGuard.checkOwnership(spare.path, isSpare: true, keep: keep)
        var info = stat()
        let spareExisted = lstat(spare.path, &info) == 0
        let marked = [OutputFile(path: OutputGuard.markerName, bytes: OutputGuard.marker)] + files
        do {
            try OutputTree(root: spare.path, current: target.path, keep: keep).update(to: marked)
            try finish(spare)
            try swap(spare.path, target.path, keep: keep)
        } catch {
            // The spare is Guidepost's own (checked above): one this build created is removed, and so is
            // any spare when the disk is full, so a failed build leaves nothing half-written behind.
            let full = (error as? FileSystemError).map { $0.code == ENOSPC || $0.code == EDQUOT } ?? false
            if !spareExisted || full { try? OutputTree.remove(spare.path, keeping: keep) }
            if let error = error as? OutputError { throw error }
            throw WriteFailure.error(error, output: output, files: marked)
        }
    }

    /// Exchanges `spare` and `target` atomically; when `target` does not exist yet, renames `spare` to it.
    /// Names in `keep` move from the old output into the new one first (exchanged when both hold one).
    private static func swap(_ spare: String, _ target: String, keep: Set<String>) throws {
        var info = stat()
        guard lstat(target, &info) == 0 else {
            guard rename(spare, target) == 0 else { throw FileSystemError(errno, path: target) }
            return
        }
        var moved: [String] = []
        for name in keep.sorted() where lstat(target + "/" + name, &info) == 0 {
            try move(target + "/" + name, spare + "/" + name)
            moved.append(name)
        }
        do { try exchangeFolders(spare, target) } catch {
            for name in moved.reversed() { try? move(spare + "/" + name, target + "/" + name) }
            throw error
        }
    }

    /// Moves `from` to `to`, exchanging the two when `to` exists too.
    private static func move(_ from: String, _ to: String) throws {
        var info = stat()
        if lstat(to, &info) == 0 {
            guard let exchange = renameExchange, exchange(AT_FDCWD, from, AT_FDCWD, to, 2) == 0 else {
                throw FileSystemError(errno, path: from)
            }
        } else if rename(from, to) != 0 {
            throw FileSystemError(errno, path: from)
        }
    }

    /// Exchanges two existing folders, atomically where the file system allows.
    private static func exchangeFolders(_ spare: String, _ target: String) throws {
        if let exchange = renameExchange, exchange(AT_FDCWD, spare, AT_FDCWD, target, 2) == 0 { return }  // 2: RENAME_EXCHANGE
        // No atomic exchange on this file system: three renames, undone if the second fails.
        let aside = spare + ".swap"
        guard rename(target, aside) == 0 else { throw FileSystemError(errno, path: target) }
        guard rename(spare, target) == 0 else {
            let failure = FileSystemError(errno, path: target)
            _ = rename(aside, target)
            throw failure
        }
        _ = rename(aside, spare)
    }

    /// glibc's `renameat2`, which Swift's Glibc module does not import.
    private static let renameExchange: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

    /// A relative path that stays inside the output folder.
    static func isContained(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." }
            && !path.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0 })
    }
}
