import Testing

@testable import Templates

/// The word-at-a-time HTML escaping against a plain byte-by-byte one, over many random inputs.
@Suite struct HTMLEscapingTests {
    /// The escaping as written before any speed-up: each byte on its own.
    private static func reference(_ bytes: [UInt8]) -> [UInt8] {
        var escaped: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): escaped += Array("&amp;".utf8)
            case UInt8(ascii: "<"): escaped += Array("&lt;".utf8)
            case UInt8(ascii: ">"): escaped += Array("&gt;".utf8)
            case UInt8(ascii: "\""): escaped += Array("&quot;".utf8)
            case UInt8(ascii: "'"): escaped += Array("&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return escaped
    }

    private static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        var output = OutputBuffer(capacity: 8)
        bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &output) }
        return output.take()
    }

    /// Random lengths 0…40 (every tail length, runs longer than a word), bytes drawn mostly from the five and
    /// their neighbours (`%`, `=`, `?`, `!`, `(`, zero, 0x80 and 0xA6, which the zero-byte test could confuse).
    @Test func matchesTheByteByByteEscapingOnRandomInputs() {
        let alphabet: [UInt8] = Array("&<>\"'%=?!(a é".utf8) + [0, 0x01, 0x7F, 0x80, 0xA6, 0xBC, 0xFF]
        var state: UInt64 = 0x4854_4D4C_0000_0005
        func draw(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<20_000 {
            let length = draw(41)
            let bytes = (0..<length).map { _ in draw(4) == 0 ? UInt8(draw(256)) : alphabet[draw(alphabet.count)] }
            #expect(Self.escaped(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    @Test func escapesTheFiveInTextOfEveryLength() {
        #expect(Self.escaped([]) == [])
        #expect(Self.escaped(Array("a&b".utf8)) == Array("a&amp;b".utf8))
        #expect(Self.escaped(Array("0123456789<>\"'&".utf8)) == Array("0123456789&lt;&gt;&quot;&#39;&amp;".utf8))
        var output = OutputBuffer(capacity: 8)
        HTMLEscaping.append("Données « <b>gras</b> » & l'été", to: &output)
        #expect(String(decoding: output.take(), as: UTF8.self) == "Données « &lt;b&gt;gras&lt;/b&gt; » &amp; l&#39;été")
    }
}
