import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Publishes a file that already exists on disk (a processed image in the image cache) without reading
/// it: hard-linked into the output, or, where the two are on different file systems, copied by the kernel
/// (`copy_file_range`, a reflink where the file system can) with the source's modification time.
///
/// A published copy is recognised without reading either file: the same inode (a link), or a regular
/// file of the same size and modification time to the nanosecond (a copy). Nothing is ever written into
/// an existing file, so a link never changes the cache through the output.
enum SourceLink {
    /// Whether `path` (relative to the open folder `folder`) already publishes `source`.
    static func isPublished(_ folder: Int32, _ path: String, from source: String) -> Bool {
        var origin = stat()
        var published = stat()
        guard folder >= 0, stat(source, &origin) == 0, fstatat(folder, path, &published, AT_SYMLINK_NOFOLLOW) == 0,
            (published.st_mode & S_IFMT) == S_IFREG
        else { return false }
        if published.st_dev == origin.st_dev && published.st_ino == origin.st_ino { return true }
        return published.st_size == origin.st_size && published.st_mtim.tv_sec == origin.st_mtim.tv_sec
            && published.st_mtim.tv_nsec == origin.st_mtim.tv_nsec
    }

    /// Makes the new file `path` (relative to `folder`, which must not hold it) a link to `source`, else a copy.
    static func publish(_ source: String, in folder: Int32, _ path: String, shownAs shown: String) throws {
        if linkat(AT_FDCWD, source, folder, path, 0) == 0 { return }
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FileSystemError(errno, path: source) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw FileSystemError(EINVAL, path: source) }
        let output = openat(folder, path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw FileSystemError(errno, path: shown) }
        defer { close(output) }
        try copy(input, to: output, count: Int(info.st_size), shownAs: shown)
        // The source's modification time marks the copy as published from it (see `isPublished`).
        var times = [info.st_atim, info.st_mtim]
        guard futimens(output, &times) == 0 else { throw FileSystemError(errno, path: shown) }
    }

    /// Copies `count` bytes, in the kernel where it can, else through a buffer.
    private static func copy(_ input: Int32, to output: Int32, count: Int, shownAs shown: String) throws {
        var done = 0
        if let copyRange {
            while done < count {
                let result = copyRange(input, nil, output, nil, count - done, 0)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { break }
                done += result
            }
        }
        guard done < count else { return }
        // No `copy_file_range` here (or it refused): the rest through a buffer.
        guard lseek(input, off_t(done), SEEK_SET) >= 0, lseek(output, off_t(done), SEEK_SET) >= 0 else {
            throw FileSystemError(errno, path: shown)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress!, $0.count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { throw FileSystemError(errno, path: shown) }
            if read == 0 { return }
            guard buffer.withUnsafeBytes({ FileSystem.write(output, UnsafeRawBufferPointer(rebasing: $0[..<read])) }) else {
                throw FileSystemError(errno, path: shown)
            }
        }
    }

    /// glibc's `copy_file_range`, which Swift's Glibc module does not import.
    private static let copyRange:
        (@convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "copy_file_range") else { return nil }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int).self
            )
        }()
}
