import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder brought to an exact set of files with as little file-system work as possible: unchanged
/// files are left alone, files that are also unchanged in the current output are hard-linked from it,
/// files published from a file on disk are linked from it (`SourceLink`), the rest are written, and
/// everything else in the folder is deleted.
struct OutputTree {
    /// The folder being updated.
    let root: String
    /// The current output (read only: never written, and its files are never modified through links).
    let current: String
    /// Top-level names that belong to the publisher: never pruned.
    var keep: Set<String> = []

    /// Makes `root` hold exactly `files`.
    func update(to files: [OutputFile]) throws {
        var wantedFiles = Set<String>()
        var wantedFolders = Set<String>()
        for file in files {
            wantedFiles.insert(file.path)
            var folder = file.path[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !wantedFolders.insert(String(folder)).inserted { break }
            }
        }
        var info = stat()
        var made = Set<String>()  // folders known to exist
        let pruning = DispatchGroup()
        let pruned = PruneResult()
        if lstat(root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            // Deleting what is no longer built runs beside the comparisons: it never touches a wanted file,
            // and nothing is written before both are done.
            let (tree, files, folders) = (self, wantedFiles, wantedFolders)
            DispatchQueue.global().async(group: pruning) {
                var kept = Set<String>()
                let descriptor = open(tree.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                do { try tree.prune(descriptor, relative: "", files: files, folders: folders, kept: &kept) } catch { pruned.error = error }
                pruned.kept = kept
            }
        } else {
            // Only a missing spare is created; anything else in its place was refused by `OutputGuard`.
            guard mkdir(root, 0o755) == 0 else { throw FileSystemError(errno, path: root) }
        }
        // Paths are resolved from open folders (`openat` and friends), not walked from `/` for every file.
        let rootFolder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFolder >= 0 else { throw FileSystemError(errno, path: root) }
        defer { close(rootFolder) }
        let currentFolder = open(current, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if currentFolder >= 0 { close(currentFolder) } }
        // Reading is parallel (which files are unchanged, which can be linked); changing the tree is not.
        var plans = parallelMap(files) { file -> Plan in
            if let source = file.source {
                if SourceLink.isPublished(rootFolder, file.path, from: source) { return .keep }
                return SourceLink.isPublished(currentFolder, file.path, from: source) ? .link : .write
            }
            if Self.holds(rootFolder, file.path, file.bytes) { return .keep }
            return Self.holds(currentFolder, file.path, file.bytes) ? .link : .write
        }
        pruning.wait()
        if let error = pruned.error { throw error }
        made.formUnion(pruned.kept)
        // A file counts as kept only if its folder is a real folder that pruning kept (a comparison may
        // have read through a link that pruning then removed).
        for (index, file) in files.enumerated() where plans[index] == .keep {
            guard let slash = file.path.lastIndex(of: "/"), !made.contains(String(file.path[..<slash])) else { continue }
            let current =
                file.source.map { SourceLink.isPublished(currentFolder, file.path, from: $0) }
                ?? Self.holds(currentFolder, file.path, file.bytes)
            plans[index] = current ? .link : .write
        }
        for (file, plan) in zip(files, plans) where plan != .keep {
            if let slash = file.path.lastIndex(of: "/") {
                let folder = String(file.path[..<slash])
                if made.insert(folder).inserted, mkdirat(rootFolder, folder, 0o755) != 0, errno != EEXIST {
                    try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
                }
            }
            // Never write into an existing file: it may be a hard link shared with the current output.
            if unlinkat(rootFolder, file.path, 0) != 0, errno != ENOENT { throw FileSystemError(errno, path: root + "/" + file.path) }
            if plan == .link, linkat(currentFolder, file.path, rootFolder, file.path, 0) == 0 { continue }
            if let source = file.source {
                try SourceLink.publish(source, in: rootFolder, file.path, shownAs: root + "/" + file.path)
                continue
            }
            try Self.write(file.bytes, in: rootFolder, file.path, shownAs: root + "/" + file.path)
        }
    }

    /// What to do with one file.
    private enum Plan: Sendable {
        /// The folder already holds it.
        case keep
        /// The current output holds it: hard-link it from there.
        case link
        /// Write it.
        case write
    }

    /// Deletes everything under `folder` that is not a wanted file or a folder on the way to one.
    private func prune(_ descriptor: Int32, relative: String, files: Set<String>, folders: Set<String>, kept: inout Set<String>) throws {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard descriptor >= 0, let directory = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            throw FileSystemError(errno, path: folder)
        }
        defer { closedir(directory) }
        let entries = directoryEntries(directory)
        for (name, type) in entries {
            let path = folder + "/" + name
            let key = relative.isEmpty ? name : relative + "/" + name
            var isFolder = type == UInt8(DT_DIR)
            var isFile = type == UInt8(DT_REG)
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                isFile = (info.st_mode & S_IFMT) == S_IFREG
            }
            if relative.isEmpty, keep.contains(name) { continue }
            if isFolder, folders.contains(key) {
                kept.insert(key)
                let child = openat(dirfd(directory), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                try prune(child, relative: key, files: files, folders: folders, kept: &kept)
            } else if !(isFile && files.contains(key)), !(relative.isEmpty && keep.contains(name)) {
                try Self.remove(path)
            }
        }
    }

    /// Whether `path` (relative to the open folder `folder`) is a regular file holding exactly `bytes`.
    static func holds(_ folder: Int32, _ path: String, _ bytes: [UInt8]) -> Bool {
        guard folder >= 0 else { return false }
        let descriptor = openat(folder, path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else {
            close(descriptor)
            return false
        }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { expected in
            var buffer = [UInt8](repeating: 0, count: min(max(expected.count, 1), 1 << 16))
            var offset = 0
            while offset < expected.count {
                let count = buffer.withUnsafeMutableBytes {
                    Glibc.read(descriptor, $0.baseAddress!, min($0.count, expected.count - offset))
                }
                guard count > 0 else { return false }
                let same = buffer.withUnsafeBytes { memcmp($0.baseAddress!, expected.baseAddress! + offset, count) == 0 }
                guard same else { return false }
                offset += count
            }
            return true
        }
    }

    /// Writes `bytes` to a new file with plain POSIX calls (no temporary file, no fsync: the folder is
    /// swapped in whole).
    static func write(_ bytes: [UInt8], in folder: Int32, _ relative: String, shownAs path: String) throws {
        let descriptor = openat(folder, relative, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError(errno, path: path) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(errno, path: path)
            }
            written += result
        }
    }

    /// Deletes a folder Guidepost made, except the top-level names in `keep`.
    static func remove(_ path: String, keeping keep: Set<String>) throws {
        guard !keep.isEmpty else { return try remove(path) }
        guard let directory = opendir(path) else { throw FileSystemError(errno, path: path) }
        let names = directoryEntries(directory).map(\.name)
        closedir(directory)
        for name in names where !keep.contains(name) { try remove(path + "/" + name) }
        if names.allSatisfy({ !keep.contains($0) }) { _ = rmdir(path) }
    }

    /// Deletes a file, link or whole folder.
    static func remove(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard let directory = opendir(path) else { throw FileSystemError(errno, path: path) }
            let names = directoryEntries(directory).map(\.name)
            closedir(directory)
            for name in names { try remove(path + "/" + name) }
            guard rmdir(path) == 0 else { throw FileSystemError(errno, path: path) }
        } else if unlink(path) != 0, errno != ENOENT {
            throw FileSystemError(errno, path: path)
        }
    }
}

/// What the pruning thread hands back after its `DispatchGroup` is waited for.
private final class PruneResult: @unchecked Sendable {
    var kept = Set<String>()
    var error: Error?
}
