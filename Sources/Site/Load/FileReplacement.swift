import Diagnostics
import Foundation
import Output

#if canImport(Glibc)
    import Glibc
#endif

/// Replaces a source file's bytes the way an editor's safe save does: a new file in the same folder with
/// the old one's mode, owner and group, flushed, then renamed over it in one step. A link, a file outside
/// `root`, or anything but a regular file is refused, so an edit never lands somewhere unexpected.
enum FileReplacement {
    /// Reads `path`, which must be a regular file (not a link) inside `root`.
    static func read(_ path: String, inside root: String) throws(SiteError) -> [UInt8] {
        try check(path, inside: root)
        return try FileTree(root: AbsolutePath.parent(of: path)).read(AbsolutePath.name(of: path))
    }

    /// Writes `bytes` over `path` atomically, keeping its mode, owner and group.
    static func replace(_ path: String, with bytes: [UInt8], inside root: String) throws(SiteError) {
        let info = try check(path, inside: root)
        let location = SourceLocation(path: path)
        let temporary = AbsolutePath.parent(of: path) + "/.\(AbsolutePath.name(of: path)).guidepost-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SiteError.unreadable(
                location,
                problem:
                    "the file cannot be saved: its folder is not writable (\(String(cString: strerror(errno)))); give yourself write access to the folder"
            )
        }
        var failure: String?
        var written = 0
        while failure == nil, written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno != EINTR { failure = String(cString: strerror(errno)) } else if count > 0 { written += count }
        }
        if failure == nil, fchmod(descriptor, info.st_mode & 0o7777) != 0 {
            failure = "its permissions cannot be kept: \(String(cString: strerror(errno)))"
        }
        if failure == nil, fchown(descriptor, info.st_uid, info.st_gid) != 0,
            info.st_uid != geteuid() || info.st_gid != getegid()
        {
            failure = "it belongs to another user or group, which Guidepost cannot keep; run the command as that user"
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw SiteError.unreadable(location, problem: "the file was not changed: \(failure)")
        }
    }

    /// Refuses a link, a special file, and a path outside `root`; returns the file's status.
    @discardableResult
    private static func check(_ path: String, inside root: String) throws(SiteError) -> stat {
        let location = SourceLocation(path: path)
        var info = stat()
        guard lstat(path, &info) == 0 else { throw FileTree.openError(errno, location, what: "file") }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            throw SiteError.unreadable(
                location,
                problem: "this translation is a symbolic link; Guidepost edits only real files, so replace the link with the file itself")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw SiteError.notRegularFile(location, kind: FileSystem.kind(info.st_mode)) }
        let realRoot = FileSystem.realPath(root) ?? root
        guard let real = FileSystem.realPath(path), real.hasPrefix(realRoot + "/") else {
            throw SiteError.symlinkOutsideContent(location, target: FileSystem.realPath(path) ?? path)
        }
        return info
    }
}
