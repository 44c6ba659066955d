import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads files and lists folders, refusing symbolic links that leave the folder being read.
struct FileTree {
    /// The folder as the user named it (used in error paths).
    let root: String
    private let realRoot: String

    init(root: String) {
        self.root = root
        self.realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    /// Whether `relative` exists as a folder.
    func isDirectory(_ relative: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path(relative), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether `relative` exists.
    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    /// The path shown to the user for `relative`.
    func path(_ relative: String) -> String { relative.isEmpty ? root : "\(root)/\(relative)" }

    /// Source files larger than this are refused rather than read (a guide page is a few kilobytes).
    static let sizeLimit = 10_000_000

    /// The bytes of `relative`.
    func read(_ relative: String) throws(BuildError) -> [UInt8] {
        let full = path(relative)
        let descriptor = open(full, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(SourceLocation(path: full), detail: "the file cannot be read") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(SourceLocation(path: full), detail: "the file cannot be read") }
        let size = Int(info.st_size)
        if size > FileTree.sizeLimit { throw .fileTooLarge(SourceLocation(path: full), bytes: size, limit: FileTree.sizeLimit) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + done, size - done) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            done += count
        }
        guard done == size else { throw .io(SourceLocation(path: full), detail: "the file cannot be read") }
        return bytes
    }

    /// Files under `relative` (recursively) whose names end in `suffix`, sorted, as paths relative to the root.
    /// Symbolic links pointing outside the root are reported, not followed.
    func files(under relative: String, suffix: String, errors: inout [BuildError]) -> [String] {
        var result: [String] = []
        walk(relative, suffix: suffix, into: &result, errors: &errors, depth: 0)
        return result.sorted()
    }

    private func walk(_ relative: String, suffix: String, into result: inout [String], errors: inout [BuildError], depth: Int) {
        // readdir with the entry types it reports: no extra system call per file unless it is a link.
        guard depth < 32, let directory = opendir(path(relative)) else { return }
        let entries = directoryEntries(directory).filter { !$0.name.hasPrefix(".") }
        closedir(directory)
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
            let child = relative.isEmpty ? name : "\(relative)/\(name)"
            let full = path(child)
            var isFolder = type == UInt8(DT_DIR)
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                    let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                    guard resolved == realRoot || resolved.hasPrefix(realRoot + "/") else {
                        errors.append(.symlinkOutsideContent(SourceLocation(path: full), target: target))
                        continue
                    }
                }
                var info = stat()
                guard stat(full, &info) == 0 else { continue }
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                walk(child, suffix: suffix, into: &result, errors: &errors, depth: depth + 1)
            } else if name.hasSuffix(suffix) {
                result.append(child)
            }
        }
    }
}
