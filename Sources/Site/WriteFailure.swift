import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a failure to write the site into an error that names the file and, for a full disk, the space needed.
enum WriteFailure {
    /// The error for `error`, raised while writing `files` into `output`.
    static func error(_ error: Error, output: String, files: [OutputFile]) -> BuildError {
        let nsError = error as NSError
        let path = (nsError.userInfo[NSFilePathErrorKey] as? String) ?? output
        guard let posix = error as? POSIXError else { return .io(SourceLocation(path: path), detail: error.localizedDescription) }
        if posix.code == .ENOSPC || posix.code == .EDQUOT {
            let needed = files.reduce(0) { $0 + $1.bytes.count }
            return .diskFull(SourceLocation(path: path), needed: needed, available: freeSpace(near: output))
        }
        return .io(SourceLocation(path: path), detail: String(cString: strerror(posix.code.rawValue)))
    }

    /// The bytes free to an ordinary user on the file system that holds `output` (or its nearest existing parent).
    static func freeSpace(near output: String) -> Int? {
        var folder = URL(fileURLWithPath: output).standardizedFileURL
        var info = statvfs()
        while statvfs(folder.path, &info) != 0 {
            guard folder.path != "/" else { return nil }
            folder.deleteLastPathComponent()
        }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }
}
