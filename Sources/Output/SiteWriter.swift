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
/// `SpareFolder` does the work; a build streams its pages into one as they are rendered.
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
        let spare = try SpareFolder(output: output, policy: policy, planned: files.map(\.path))
        try spare.put(files)
        try spare.commit(finish: finish)
    }

    /// Exchanges `spare` and `target` atomically; when `target` does not exist yet, renames `spare` to it.
    /// Names in `keep` move from the old output into the new one first (exchanged when both hold one).
    static func swap(_ spare: String, _ target: String, keep: Set<String>) throws {
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

    /// A relative path that stays inside the output folder: not empty, not absolute, no `.` or `..` part,
    /// no backslash or NUL. Checked on bytes, as the file system reads it (splitting the string into
    /// characters kept `/` with a combining mark after it as one character, and so `a/../\u{301}b` passed).
    static func isContained(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        let bytes = path.utf8
        guard let first = bytes.first, first != slash else { return false }
        var partLength = 0
        var dots = 0
        for byte in bytes {
            if byte == slash {
                if partLength > 0, dots == partLength, dots <= 2 { return false }
                partLength = 0
                dots = 0
                continue
            }
            if byte == UInt8(ascii: "\\") || byte == 0 { return false }
            partLength += 1
            if byte == dot { dots += 1 }
        }
        return !(partLength > 0 && dots == partLength && dots <= 2)
    }
}
