import Diagnostics
import Foundation
import Output

#if canImport(Glibc)
    import Glibc
#endif

/// Reads files and lists folders under one root, with one rule everywhere: only regular files are read,
/// symbolic links may not leave the root or loop, and every folder that cannot be read is an error.
struct FileTree {
    /// The folder as the user named it (used in error paths).
    let root: String
    private let realRoot: String

    init(root: String) {
        self.root = root
        self.realRoot = FileSystem.realPath(root) ?? AbsolutePath.of(root)
    }

    /// Whether `relative` exists as a folder (following links).
    func isDirectory(_ relative: String) -> Bool {
        var info = stat()
        return stat(path(relative), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `relative` exists (a dangling link counts: reading it then reports it).
    func exists(_ relative: String) -> Bool {
        var info = stat()
        return lstat(path(relative), &info) == 0
    }

    /// The path shown to the user for `relative`.
    func path(_ relative: String) -> String { relative.isEmpty ? root : "\(root)/\(relative)" }

    /// Source files larger than this are refused rather than read (a guide page is a few kilobytes).
    static let sizeLimit = 10_000_000

    /// The bytes of `relative`, which must be a regular file inside the root. With `checkLinks` (for paths
    /// that did not come from `files(under:)`), a path whose links lead outside the root is refused.
    func read(_ relative: String, checkLinks: Bool = false) throws(SiteError) -> [UInt8] {
        let full = path(relative)
        if checkLinks { try checkContained(relative) }
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is then refused by its type.
        let descriptor = open(full, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileTree.openError(errno, SourceLocation(path: full), what: "file") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileTree.openError(errno, SourceLocation(path: full), what: "file") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw SiteError.notRegularFile(SourceLocation(path: full), kind: FileSystem.kind(info.st_mode))
        }
        let size = Int(info.st_size)
        if size > FileTree.sizeLimit { throw SiteError.fileTooLarge(SourceLocation(path: full), bytes: size, limit: FileTree.sizeLimit) }
        guard let bytes = FileSystem.read(descriptor, count: size) else {
            throw SiteError.unreadable(
                SourceLocation(path: full), problem: "this file changed size while it was read; build again once it is saved")
        }
        return bytes
    }

    /// Refuses `relative` when a symbolic link on its way leads outside the root.
    func checkContained(_ relative: String) throws(SiteError) {
        let full = path(relative)
        guard let resolved = FileSystem.realPath(full) else { return }  // missing: reading it reports that
        guard resolved == realRoot || resolved.hasPrefix(realRoot + "/") else {
            throw SiteError.symlinkOutsideContent(SourceLocation(path: full), target: resolved)
        }
    }

    /// Files under `relative` (recursively) whose names end in `suffix`, sorted, as paths relative to the root.
    /// Links leaving the root or looping, special files, unreadable folders and names that collide are reported.
    func files(under relative: String, suffix: String, errors: inout DiagnosticCollector) -> [String] {
        var result: [String] = []
        guard exists(relative) else { return [] }
        do { try checkContained(relative) } catch {
            errors.append(error)
            return []
        }
        var visited = Set<FolderID>()
        walk(relative, suffix: suffix, into: &result, errors: &errors, visited: &visited, depth: 0)
        return result.sorted()
    }

    /// A folder's identity, to notice a link that leads back to a folder already walked.
    private struct FolderID: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// Folders nest at most this deep (a guide needs a handful of levels).
    static let depthLimit = 32

    private func walk(
        _ relative: String, suffix: String, into result: inout [String], errors: inout DiagnosticCollector,
        visited: inout Set<FolderID>, depth: Int
    ) {
        let folder = path(relative)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            errors.append(FileTree.openError(errno, SourceLocation(path: folder), what: "folder"))
            return
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, let directory = fdopendir(descriptor) else {
            errors.append(FileTree.openError(errno, SourceLocation(path: folder), what: "folder"))
            close(descriptor)
            return
        }
        visited.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        // readdir with the entry types it reports: no extra system call per file unless it is a link.
        errno = 0
        let entries = directoryEntries(directory).filter { !$0.name.hasPrefix(".") }
        let failed = errno
        closedir(directory)
        if failed != 0 { errors.append(FileTree.openError(failed, SourceLocation(path: folder), what: "folder")) }
        let colliding = reportCollisions(entries.map(\.name), in: relative, errors: &errors)
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) where colliding.isEmpty || !colliding.contains(Array(name.utf8)) {
            let child = relative.isEmpty ? name : "\(relative)/\(name)"
            var full: String { path(child) }
            var mode = FileTree.mode(of: type)
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                var linkInfo = stat()
                guard lstat(full, &linkInfo) == 0 else { continue }
                if (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                    do { try checkContained(child) } catch {
                        errors.append(error)
                        continue
                    }
                    var target = stat()
                    guard stat(full, &target) == 0 else {
                        if errno == ELOOP {
                            errors.append(FileTree.openError(ELOOP, SourceLocation(path: full), what: "file"))
                        } else if name.hasSuffix(suffix) {
                            errors.append(
                                SiteError.unreadable(
                                    SourceLocation(path: full), problem: "this symbolic link points at nothing; remove it or fix its target"
                                ))
                        }
                        continue
                    }
                    if (target.st_mode & S_IFMT) == S_IFDIR,
                        visited.contains(FolderID(device: UInt64(target.st_dev), inode: UInt64(target.st_ino)))
                    {
                        errors.append(SiteError.symlinkLoop(SourceLocation(path: full), target: FileSystem.realPath(full) ?? full))
                        continue
                    }
                    mode = target.st_mode & S_IFMT
                } else {
                    mode = linkInfo.st_mode & S_IFMT
                }
            }
            if mode == S_IFDIR {
                guard depth + 1 < FileTree.depthLimit else {
                    errors.append(
                        SiteError.symlinkLoop(SourceLocation(path: full), target: "folders nested more than \(FileTree.depthLimit) deep"))
                    continue
                }
                walk(child, suffix: suffix, into: &result, errors: &errors, visited: &visited, depth: depth + 1)
            } else if name.hasSuffix(suffix) {
                if mode == S_IFREG {
                    result.append(child)
                } else {
                    errors.append(SiteError.notRegularFile(SourceLocation(path: full), kind: FileSystem.kind(mode)))
                }
            }
        }
    }

    /// Two names in one folder that are one name on a case-insensitive or normalising file system: the
    /// second (in byte order) is reported and returned, and not read.
    private func reportCollisions(_ names: [String], in relative: String, errors: inout DiagnosticCollector) -> Set<[UInt8]> {
        guard names.count > 1 else { return [] }
        var colliding = Set<[UInt8]>()
        // Swift strings compare by canonical equivalence, so NFC and NFD spellings share a key.
        var seen: [String: String] = [:]
        // Byte order: each name's bytes copied once, then compared (copying both names into arrays for every
        // comparison was most of a large folder's walk).
        let bytes = names.map { Array($0.utf8) }
        for name in names.indices.sorted(by: { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }).map({ names[$0] }) {
            let key = name.lowercased()
            if let first = seen[key] {
                let shown = relative.isEmpty ? name : "\(relative)/\(name)"
                errors.append(SiteError.nameCollision(SourceLocation(path: path(shown)), other: first))
                colliding.insert(Array(name.utf8))
            } else {
                seen[key] = name
            }
        }
        return colliding
    }

    /// The file type of a directory entry, or 0 when readdir did not say.
    private static func mode(of type: UInt8) -> mode_t {
        switch Int32(type) {
        case Int32(DT_DIR): return S_IFDIR
        case Int32(DT_REG): return S_IFREG
        case Int32(DT_FIFO): return S_IFIFO
        case Int32(DT_SOCK): return S_IFSOCK
        case Int32(DT_CHR): return S_IFCHR
        case Int32(DT_BLK): return S_IFBLK
        default: return 0
        }
    }

    /// The error for a file or folder that cannot be opened or listed.
    static func openError(_ code: Int32, _ location: SourceLocation, what: String) -> SiteError {
        switch code {
        case EACCES, EPERM:
            return SiteError.unreadable(
                location,
                problem:
                    "permission denied: this \(what) cannot be read; give yourself read access (chmod u+r\(what == "folder" ? "x" : ""))")
        case ENOENT:
            return SiteError.unreadable(location, problem: "this \(what) does not exist; create it or fix the path")
        case ELOOP:
            return SiteError.symlinkLoop(location, target: "a chain of symbolic links that never ends")
        default:
            return SiteError.unreadable(
                location, problem: "this \(what) cannot be read (\(String(cString: strerror(code)))); check the disk and its permissions")
        }
    }
}
