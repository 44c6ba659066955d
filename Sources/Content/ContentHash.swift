/// A short, stable content hash (64-bit FNV-1a, hexadecimal): the same bytes give the same hash on
/// every machine. Used for cache-busting asset names and to record which version of a source page a
/// translation was made from. It is not a security hash.
public enum ContentHash {
    /// The first `length` hexadecimal digits of the FNV-1a hash of `bytes`.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes, length: Int = 12) -> String where Bytes.Element == UInt8 {
        func fnv(_ sequence: some Sequence<UInt8>) -> UInt64 {
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in sequence {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01b3
            }
            return value
        }
        // Over contiguous memory when the bytes have it (a String's UTF-8, an array): far faster than iterating.
        let value = bytes.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(bytes)
        return digits(value, length: length)
    }

    /// The first `length` (at most 16) lowercase hexadecimal digits of `value` written on 16 digits,
    /// each looked up in a table and written straight into the string's storage.
    static func digits(_ value: UInt64, length: Int) -> String {
        let count = min(max(length, 0), 16)
        return String(unsafeUninitializedCapacity: count) { buffer in
            for index in 0..<count {
                buffer[index] = hexDigits[Int(truncatingIfNeeded: value >> (60 - 4 * index)) & 0xF]
            }
            return count
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A fingerprint of `text` for this process only: for noticing that a file changed between two reads,
    /// never for storing. Eight bytes per step, each mixed in by `(state ^ word) * odd`, then the high half
    /// folded into the low one: every step is a bijection of the state, so a change confined to one word
    /// always changes the result. Swift's `Hasher` (SipHash) cost about 5 instructions a byte, 1 % of a build;
    /// it now only seeds the result per process, once per file.
    public static func fingerprint(_ text: String) -> Int {
        var text = text
        let mixed = text.withUTF8 { bytes -> UInt64 in
            guard let base = bytes.baseAddress else { return 0 }
            var state: UInt64 = 0x243F_6A88_85A3_08D3
            var index = 0
            while index + 8 <= bytes.count {
                state = mix(state, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
            return mix(state, tail)
        }
        var hasher = Hasher()
        hasher.combine(mixed)
        hasher.combine(text.utf8.count)
        return hasher.finalize()
    }

    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let product = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 32)
    }

    /// The hash of a page body, as translations record it in `sourceHash`.
    public static func body(_ text: String) -> String { hex(text.utf8) }
}
