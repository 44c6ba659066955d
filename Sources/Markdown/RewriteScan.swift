#if canImport(Glibc)
    import Glibc
#endif

/// One pass over a text node's bytes that tells whether placeholders or typography can change it.
///
/// `Placeholder.mayContain(utf8:) || Typography.mayChange(utf8:triggers:)` in one scan of cmark's
/// NUL-terminated literal, with no `strlen` first: `strcspn` (sixteen bytes at a time in glibc) jumps to
/// the next byte that can start something, and only those few bytes are looked at further.
enum RewriteScan {
    /// The bytes to stop at, NUL-terminated, for each set of triggers: index bit 0 a language (straight
    /// quotes), bit 1 French (`; : ! ? %` and the last bytes of « »), bit 2 curly quotes (the last bytes of “ ”).
    /// Sixteen bytes a set, in memory kept for the whole process (never freed): a document looks its set up
    /// once (`stops(for:)`), and each text node's scan is handed the pointer. Reaching the static array
    /// through `withUnsafeBufferPointer` for every text node cost as much as a short node's scan.
    nonisolated(unsafe) private static let stopSets: UnsafePointer<CChar> = {
        let storage = UnsafeMutablePointer<CChar>.allocate(capacity: 8 * 16)
        storage.initialize(repeating: 0, count: 8 * 16)
        for index in 0..<8 {
            var bytes: [UInt8] = [UInt8(ascii: "{")]
            if index & 1 != 0 { bytes += [0x22, 0x27] }
            if index & 3 == 3 { bytes += [0x3B, 0x3A, 0x21, 0x3F, 0x25, 0xAB, 0xBB] }
            if index & 5 == 5 { bytes += [0x9C, 0x9D] }
            for (offset, byte) in bytes.enumerated() { storage[index * 16 + offset] = CChar(bitPattern: byte) }
        }
        return UnsafePointer(storage)
    }()

    /// The NUL-terminated bytes a scan with `triggers` stops at.
    static func stops(for triggers: Typography.Triggers?) -> UnsafePointer<CChar> {
        let index = triggers.map { 1 | ($0.french ? 2 : 0) | ($0.curly ? 4 : 0) } ?? 0
        return stopSets + index * 16
    }

    /// Whether the NUL-terminated `text` holds `{{` or, with `triggers`, something typography changes.
    static func needsRewrite(_ text: UnsafePointer<CChar>, triggers: Typography.Triggers?) -> Bool {
        needsRewrite(text, stops: stops(for: triggers))
    }

    /// `needsRewrite(_:triggers:)` with the triggers' `stops(for:)` looked up already.
    static func needsRewrite(_ text: UnsafePointer<CChar>, stops: UnsafePointer<CChar>) -> Bool {
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        var offset = 0
        while true {
            offset += strcspn(text + offset, stops)
            switch bytes[offset] {
            case 0: return false
            case UInt8(ascii: "{"): if offset > 0, bytes[offset - 1] == UInt8(ascii: "{") { return true }
            case 0xAB, 0xBB: if offset > 0, bytes[offset - 1] == 0xC2 { return true }
            case 0x9C, 0x9D: if offset > 1, bytes[offset - 1] == 0x80, bytes[offset - 2] == 0xE2 { return true }
            default: return true
            }
            offset += 1
        }
    }
}
