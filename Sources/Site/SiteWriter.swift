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
        let target = URL(fileURLWithPath: output).standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).spare")
    }

    /// Brings the spare folder to exactly `files`, runs `finish` on it (e.g. a search indexer), then swaps
    /// it with `output`. If anything fails, `output` is left as it was.
    public static func write(_ files: [OutputFile], to output: String,
                             finish: (URL) throws(BuildError) -> Void = { _ in }) throws(BuildError) {
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let spare = spareFolder(for: output)
        do {
            for file in files where !isContained(file.path) { throw CocoaError(.fileWriteInvalidFileName) }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputTree(root: spare.path, current: target.path).update(to: files)
            try finish(spare)
            try swap(spare.path, target.path)
        } catch let error as BuildError {
            throw error
        } catch {
            throw WriteFailure.error(error, output: output, files: files)
        }
    }

    /// Exchanges `spare` and `target` atomically; when `target` does not exist yet, renames `spare` to it.
    private static func swap(_ spare: String, _ target: String) throws {
        var info = stat()
        guard lstat(target, &info) == 0 else {
            guard rename(spare, target) == 0 else { throw FileSystemError(errno, path: target) }
            return
        }
        if let exchange = renameExchange, exchange(AT_FDCWD, spare, AT_FDCWD, target, 2 /* RENAME_EXCHANGE */) == 0 { return }
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
