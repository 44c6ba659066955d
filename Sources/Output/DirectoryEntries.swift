#if canImport(Glibc)
    import Glibc
#endif

/// The entries of an open directory stream (without `.` and `..`), with the file type `readdir` reports
/// (`DT_DIR`, `DT_REG`, `DT_LNK`, or `DT_UNKNOWN` on file systems that do not say).
public func directoryEntries(_ directory: OpaquePointer) -> [(name: String, type: UInt8)] {
    var entries: [(name: String, type: UInt8)] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != ".", name != ".." { entries.append((name, entry.pointee.d_type)) }
    }
    return entries
}

/// The entries of the open folder `descriptor` (without `.` and `..`), as `directoryEntries(_:)` gives them,
/// or nil with `errno` set. The descriptor stays open and is the caller's to close.
///
/// Read with glibc's `getdents64` straight into a buffer: `fdopendir` costs three more system calls per
/// folder (`fstat` and two `fcntl`), and pruning the output opens one folder per page. Where the symbol is
/// missing, a duplicate of the descriptor is read through `fdopendir` instead.
public func directoryEntries(descriptor: Int32) -> [(name: String, type: UInt8)]? {
    guard let getdents = readEntries else {
        let copy = dup(descriptor)
        guard copy >= 0, let directory = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return nil
        }
        defer { closedir(directory) }
        // The duplicate shares the position of the original: start from the first entry either way.
        rewinddir(directory)
        return directoryEntries(directory)
    }
    var entries: [(name: String, type: UInt8)] = []
    return withUnsafeTemporaryAllocation(byteCount: 32_768, alignment: 8) { buffer -> [(name: String, type: UInt8)]? in
        guard let base = buffer.baseAddress else { return nil }
        while true {
            let count = getdents(descriptor, base, buffer.count)
            if count < 0 { return nil }
            if count == 0 { return entries }
            // Each record (the kernel's `struct linux_dirent64`): inode (8 bytes), offset (8), record length
            // (2), type (1), then the NUL-terminated name.
            var offset = 0
            while offset < count {
                let record = base + offset
                let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                guard length > 19, offset + length <= count else { return nil }
                let type = record.load(fromByteOffset: 18, as: UInt8.self)
                let name = UnsafeRawBufferPointer(start: record + 19, count: length - 19)
                let text = String(decoding: name.prefix { $0 != 0 }, as: UTF8.self)
                if text != ".", text != ".." { entries.append((text, type)) }
                offset += length
            }
        }
    }
}

/// glibc's `getdents64`, which Swift's Glibc module does not import.
private let readEntries: (@convention(c) (Int32, UnsafeMutableRawPointer, Int) -> Int)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "getdents64") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32, UnsafeMutableRawPointer, Int) -> Int).self)
}()
