#if canImport(Glibc)
    import Glibc
#endif

/// What the file system says about a path, in the words errors use.
public enum FileSystem {
    /// "a named pipe (FIFO)", "a socket", … for errors.
    public static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        case S_IFREG: return "a file"
        default: return "a special file"
        }
    }

    /// Reads exactly `count` bytes from the open file `descriptor`, retrying reads the kernel interrupts;
    /// nil when the file ends sooner or a read fails (the file changed while it was read).
    public static func read(_ descriptor: Int32, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let result = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + done, count - done) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return nil }
            done += result
        }
        return bytes
    }

    /// Writes all of `bytes` to the open file `descriptor`, retrying writes the kernel interrupts; false
    /// when a write fails (`errno` says why).
    public static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0, errno == EINTR { continue }
            guard result >= 0 else { return false }
            written += result
        }
        return true
    }

    /// `realpath(3)`, or nil when the path does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
