import Testing

@testable import Content

@Suite struct ContentHashTests {
    /// FNV-1a 64's published test vectors, cut to the requested length.
    @Test func hashesAreFNV1aInHexadecimal() {
        #expect(ContentHash.hex("".utf8, length: 16) == "cbf29ce484222325")
        #expect(ContentHash.hex("a".utf8, length: 16) == "af63dc4c8601ec8c")
        #expect(ContentHash.hex(Array("foobar".utf8), length: 16) == "85944171f73967e8")
        #expect(ContentHash.hex("foobar".utf8) == "85944171f739")
        #expect(ContentHash.hex("foobar".utf8, length: 8) == "85944171")
        #expect(ContentHash.hex("foobar".utf8, length: 40) == "85944171f73967e8")
        #expect(ContentHash.body("foobar") == "85944171f739")
    }

    @Test func digitsKeepLeadingZeros() {
        #expect(ContentHash.digits(0xAB, length: 16) == "00000000000000ab")
        #expect(ContentHash.digits(0x0123_4567_89AB_CDEF, length: 12) == "0123456789ab")
        #expect(ContentHash.digits(UInt64.max, length: 16) == "ffffffffffffffff")
        #expect(ContentHash.digits(0, length: 0) == "")
    }
    /// The fingerprint follows every byte: one changed, added or dropped byte anywhere (in a whole
    /// eight-byte word or in the tail after the last one) gives another fingerprint; the same text the same.
    @Test func fingerprintFollowsEveryByte() {
        let text = "{\"title\": \"Ete\"}\nUn texte de trente-sept octets.\n"
        let original = ContentHash.fingerprint(text)
        #expect(ContentHash.fingerprint(String(text)) == original)
        let bytes = Array(text.utf8)
        var seen: Set<Int> = [original]
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x01
            seen.insert(ContentHash.fingerprint(String(decoding: changed, as: UTF8.self)))
        }
        #expect(seen.count == bytes.count + 1)
        #expect(ContentHash.fingerprint(text + " ") != original)
        #expect(ContentHash.fingerprint(String(text.dropLast())) != original)
        #expect(ContentHash.fingerprint("") != ContentHash.fingerprint("\0"))
    }
}
