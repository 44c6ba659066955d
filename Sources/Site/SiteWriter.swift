import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a built site so that the output folder is only ever the old site or the complete new one.
public enum SiteWriter {
    /// Writes `files` into a temporary sibling of `output`, runs `finish` on that folder (e.g. a search
    /// indexer), then swaps it in. If anything fails, `output` is left as it was.
    public static func write(_ files: [OutputFile], to output: String,
                             finish: (URL) throws(BuildError) -> Void = { _ in }) throws(BuildError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(token)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(token)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var made = Set<String>()
            for file in files {
                guard isContained(file.path) else { throw CocoaError(.fileWriteInvalidFileName) }
                let url = staging.appendingPathComponent(file.path)
                let folder = url.deletingLastPathComponent().path
                if made.insert(folder).inserted {
                    // Plain mkdir when the parent exists (files are sorted, so it usually does); Foundation otherwise.
                    if mkdir(folder, 0o755) != 0, errno != EEXIST {
                        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    }
                }
                // An unchanged file is hard-linked from the current output instead of written: no new inode,
                // and the current output itself is not touched until the swap.
                if !linkIfUnchanged(file.bytes, from: target.appendingPathComponent(file.path).path, to: url.path) {
                    try writeFile(file.bytes, to: url.path)
                }
            }
            try finish(staging)
            let existed = manager.fileExists(atPath: target.path)
            if existed { try manager.moveItem(at: target, to: retired) }
            do { try manager.moveItem(at: staging, to: target) } catch {
                if existed { try? manager.moveItem(at: retired, to: target) }
                throw error
            }
            if existed { try? manager.removeItem(at: retired) }
        } catch let error as BuildError {
            try? manager.removeItem(at: staging)
            throw error
        } catch {
            try? manager.removeItem(at: staging)
            throw .io(SourceLocation(path: output), detail: error.localizedDescription)
        }
    }

    /// Writes `bytes` with plain POSIX calls: the staging folder is swapped in whole, so each file needs
    /// neither Foundation's temporary-file dance nor an fsync.
    private static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            written += result
        }
    }

    /// Links `existing` to `path` when it holds exactly `bytes`; false (and nothing done) otherwise.
    private static func linkIfUnchanged(_ bytes: [UInt8], from existing: String, to path: String) -> Bool {
        var info = stat()
        guard lstat(existing, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let descriptor = open(existing, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var old = [UInt8](repeating: 0, count: bytes.count)
        var done = 0
        while done < old.count {
            let count = old.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count <= 0 { return false }
            done += count
        }
        return old == bytes && link(existing, path) == 0
    }

    /// A relative path that stays inside the output folder.
    static func isContained(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." }
            && !path.contains("\\") && !path.contains("\0")
    }
}
