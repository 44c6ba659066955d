import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Turns a failure to write the site into an error that names the file and, for a full disk, the space needed.
enum WriteFailure {
    /// The error for `error`, raised while writing `files` into `output` (`needed`: their size, when
    /// they are no longer all in memory).
    static func error(_ error: Error, output: String, files: [OutputFile], needed: Int? = nil) -> OutputError {
        guard let failure = error as? FileSystemError else {
            return OutputError.io(SourceLocation(path: output), detail: error.localizedDescription)
        }
        let path = failure.path
        if failure.code == ENOSPC || failure.code == EDQUOT {
            let needed = needed ?? files.reduce(0) { $0 + $1.size }
            return OutputError.diskFull(SourceLocation(path: path), needed: needed, available: freeSpace(near: output))
        }
        return OutputError.io(SourceLocation(path: path), detail: String(cString: strerror(failure.code)))
    }

    /// The bytes free to an ordinary user on the file system that holds `output` (or its nearest existing parent).
    static func freeSpace(near output: String) -> Int? {
        var folder = AbsolutePath.of(output)
        var info = statvfs()
        while statvfs(folder, &info) != 0 {
            guard folder != "/" else { return nil }
            folder = AbsolutePath.parent(of: folder)
        }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }
}

/// A failed system call on the output, with the `errno` and the path it was about (Foundation's
/// `POSIXError` drops its `userInfo`, and with it the path, on Linux).
struct FileSystemError: Error, CustomStringConvertible {
    /// The `errno` value.
    let code: Int32
    /// The file or folder the call was about.
    let path: String

    /// The error for `code` about `path`.
    init(_ code: Int32, path: String) {
        self.code = code
        self.path = path
    }

    /// The system's words for the error.
    var description: String { String(cString: strerror(code)) }
}
