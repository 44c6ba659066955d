#if canImport(Glibc)
    import Glibc
#endif

/// Byte searches over a text's UTF-8 bytes, shared by the checks that decide cheaply whether a text can hold something.
enum ByteSearch {
    /// Whether `matches` holds at the offset of some `byte` in `bytes`: `memchr` jumps from one `byte` to the
    /// next (sixteen bytes at a time in glibc), and only those offsets are looked at.
    static func any(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, where matches: (Int) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index < bytes.count, let found = memchr(base + index, Int32(byte), bytes.count - index) {
            let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if matches(offset) { return true }
            index = offset + 1
        }
        return false
    }

    /// Whether `bytes` hold `first` immediately followed by `second`.
    static func containsPair(_ first: UInt8, _ second: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        any(first, in: bytes) { $0 + 1 < bytes.count && bytes[$0 + 1] == second }
    }
}
