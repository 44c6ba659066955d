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
