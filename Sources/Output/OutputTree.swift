import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder brought to an exact set of files with as little file-system work as possible, one file at a
/// time as each is made (so a build need not hold every page at once): unchanged files are left alone,
/// files that are also unchanged in the current output are hard-linked from it, files published from a
/// file on disk are linked from it (`SourceLink`), the rest are written.
///
/// `prepare` first deletes everything that is not a planned file or a real folder on the way to one
/// (links, pipes, files no longer built), so every file put afterwards is reached through real folders
/// Guidepost made; files put that were not planned (the site-wide files) are simply written or linked.
struct OutputTree {
    /// The folder being updated.
    let root: String
    /// The current output (read only: never written, and its files are never modified through links).
    let current: String
    /// Top-level names that belong to the publisher: never pruned.
    var keep: Set<String> = []

    /// Creates `root`, or deletes from it everything but the `planned` files and the real folders on the
    /// way to them, and opens it for `put`.
    func prepare(planned: Set<String>) throws -> Writer {
        var folders = Set<String>()
        folders.reserveCapacity(planned.count)
        for path in planned {
            // Slashes found in UTF-8 bytes (`lastIndex(of:)` on the string walks characters).
            var folder = path.utf8[...]
            while let slash = folder.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if !folders.insert(String(Substring(folder))).inserted { break }
            }
        }
        var info = stat()
        var kept = Set<String>()
        if lstat(root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            try prune(open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC), relative: "", files: planned, folders: folders, kept: &kept)
        } else {
            // Only a missing spare is created; anything else in its place was refused by `OutputGuard`.
            guard mkdir(root, 0o755) == 0 else { throw FileSystemError(errno, path: root) }
        }
        return try Writer(tree: self, made: kept)
    }

    /// The prepared folder, open; `put` may be called from any thread.
    final class Writer: @unchecked Sendable {
        private let root: String
        private let rootFolder: Int32
        private let currentFolder: Int32
        private let lock = NSLock()
        /// Folders known to exist (real folders: `prepare` removed every link).
        private var made: Set<String>

        fileprivate init(tree: OutputTree, made: Set<String>) throws {
            root = tree.root
            self.made = made
            // Paths are resolved from open folders (`openat` and friends), not walked from `/` for every file.
            rootFolder = open(tree.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard rootFolder >= 0 else { throw FileSystemError(errno, path: tree.root) }
            currentFolder = open(tree.current, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }

        deinit {
            close(rootFolder)
            if currentFolder >= 0 { close(currentFolder) }
        }

        /// Puts `file` in the folder: left alone when it is there already, linked from the current output
        /// when that holds it, else written.
        func put(_ file: OutputFile) throws(FileSystemError) {
            let link: Bool
            if let source = file.source {
                // A file on disk (a processed image) is compared by inode or size and time, never read.
                if SourceLink.isPublished(rootFolder, file.path, from: source) { return }
                link = SourceLink.isPublished(currentFolder, file.path, from: source)
            } else {
                if OutputTree.holds(rootFolder, file.path, file.bytes) { return }
                link = OutputTree.holds(currentFolder, file.path, file.bytes)
            }
            if let slash = file.path.lastIndex(of: "/") { try makeFolder(String(file.path[..<slash])) }
            // Never write into an existing file: it may be a hard link shared with the current output.
            if unlinkat(rootFolder, file.path, 0) != 0, errno != ENOENT {
                guard errno == EISDIR else { throw FileSystemError(errno, path: root + "/" + file.path) }
                do { try OutputTree.remove(root + "/" + file.path) } catch {
                    throw (error as? FileSystemError) ?? FileSystemError(EIO, path: root + "/" + file.path)
                }
            }
            if link, linkat(currentFolder, file.path, rootFolder, file.path, 0) == 0 { return }
            if let source = file.source {
                do { try SourceLink.publish(source, in: rootFolder, file.path, shownAs: root + "/" + file.path) } catch {
                    throw (error as? FileSystemError) ?? FileSystemError(EIO, path: root + "/" + file.path)
                }
                return
            }
            try OutputTree.write(file.bytes, in: rootFolder, file.path, shownAs: root + "/" + file.path)
        }

        /// The bytes of the file at `path`, if the folder holds one.
        func read(_ path: String) -> [UInt8]? {
            let descriptor = openat(rootFolder, path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return FileSystem.read(descriptor, count: Int(info.st_size))
        }

        /// Deletes the file at `path` if there is one (a planned file that was not made after all).
        func remove(_ path: String) throws(FileSystemError) {
            if unlinkat(rootFolder, path, 0) != 0, errno != ENOENT { throw FileSystemError(errno, path: root + "/" + path) }
        }

        /// Creates `folder` and the folders on the way to it, once.
        private func makeFolder(_ folder: String) throws(FileSystemError) {
            lock.lock()
            defer { lock.unlock() }
            guard !made.contains(folder) else { return }
            var path = ""
            for part in folder.split(separator: "/") {
                path += path.isEmpty ? String(part) : "/" + part
                guard made.insert(path).inserted else { continue }
                if mkdirat(rootFolder, path, 0o755) != 0, errno != EEXIST { throw FileSystemError(errno, path: root + "/" + path) }
            }
        }
    }

    /// Deletes everything under `folder` that is not a wanted file or a folder on the way to one.
    private func prune(_ descriptor: Int32, relative: String, files: Set<String>, folders: Set<String>, kept: inout Set<String>) throws {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard descriptor >= 0 else { throw FileSystemError(errno, path: folder) }
        defer { close(descriptor) }
        guard let entries = directoryEntries(descriptor: descriptor) else { throw FileSystemError(errno, path: folder) }
        // The folders inside each top-level folder (a language's pages) are pruned side by side, one per core:
        // spreading the few top-level folders themselves left one core idle while the last language was pruned.
        let spread = !relative.isEmpty && !relative.utf8.contains(UInt8(ascii: "/"))
        var subfolders: [(name: String, key: String)] = []
        for (name, type) in entries {
            // The full path only where it is used (a file system without types, a removal): most entries are kept.
            var path: String { folder + "/" + name }
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
                guard spread else {
                    let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    try prune(child, relative: key, files: files, folders: folders, kept: &kept)
                    continue
                }
                subfolders.append((name, key))
            } else if !(isFile && files.contains(key)), !(relative.isEmpty && keep.contains(name)) {
                try Self.remove(path)
            }
        }
        guard !subfolders.isEmpty else { return }
        let parent = descriptor
        let results = parallelMap(subfolders) { folder -> Result<Set<String>, Error> in
            var found = Set<String>()
            let child = openat(parent, folder.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            do { try prune(child, relative: folder.key, files: files, folders: folders, kept: &found) } catch { return .failure(error) }
            return .success(found)
        }
        for result in results { kept.formUnion(try result.get()) }
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
            // An uninitialised buffer (a zeroed array was allocated and cleared for every file compared).
            withUnsafeTemporaryAllocation(byteCount: min(max(expected.count, 1), 1 << 16), alignment: 16) { buffer in
                var offset = 0
                while offset < expected.count {
                    let count = Glibc.read(descriptor, buffer.baseAddress!, min(buffer.count, expected.count - offset))
                    guard count > 0, memcmp(buffer.baseAddress!, expected.baseAddress! + offset, count) == 0 else { return false }
                    offset += count
                }
                return true
            }
        }
    }

    /// Writes `bytes` to a new file with plain POSIX calls (no temporary file, no fsync: the folder is
    /// swapped in whole).
    static func write(_ bytes: [UInt8], in folder: Int32, _ relative: String, shownAs path: String) throws(FileSystemError) {
        let descriptor = openat(folder, relative, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError(errno, path: path) }
        defer { close(descriptor) }
        guard bytes.withUnsafeBytes({ FileSystem.write(descriptor, $0) }) else { throw FileSystemError(errno, path: path) }
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
