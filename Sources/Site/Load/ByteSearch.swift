#if canImport(Glibc)
    import Glibc
#endif

extension String {
    /// Whether the UTF-8 of the string holds `byte`, found with `memchr` (the generic `utf8.contains` took
    /// some 300 instructions on a short path, for every link of every page).
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// The index of the last `byte` in the string's UTF-8 (what `utf8.lastIndex(of:)` gives, by a loop on
    /// the bytes instead of index by index).
    func lastIndex(ofByte byte: UInt8) -> String.Index? {
        var text = self
        let offset = text.withUTF8 { bytes -> Int? in
            var index = bytes.count
            while index > 0 {
                index -= 1
                if bytes[index] == byte { return index }
            }
            return nil
        }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}
