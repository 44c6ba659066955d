import Diagnostics
import Testing

@testable import Content

@Suite struct ControlCharactersTests {
    @Test func namesTheFirstForbiddenCharacterAndItsPosition() {
        #expect(ControlCharacters.first(in: "tab\tline\r\nfeed\n") == nil)
        let found = ControlCharacters.first(in: "déjà\nvu \u{1B}[0m and \u{07}")
        #expect(found?.position == TextPosition(line: 2, column: 4))
        #expect(found?.name == "U+001B")
        #expect(ControlCharacters.first(in: "\u{00}")?.name == "U+0000")
        #expect(ControlCharacters.first(in: "12345678\u{1F}")?.position == TextPosition(line: 1, column: 9))
    }

    /// Eight bytes at a time must find what a byte-by-byte scan finds, at every place in a word.
    @Test func findsWhatAByteByByteScanFinds() {
        let pieces: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xC3, 0xFF]
        var state: UInt64 = 0x5851_F42D_4C95_7F2D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var disagreements: [[UInt8]] = []
        for _ in 0..<5_000 {
            // Mostly harmless bytes, so a forbidden one lands anywhere in a long run.
            let bytes = (0..<next(40)).map { _ in next(6) == 0 ? pieces[next(pieces.count)] : UInt8(0x61 + next(26)) }
            let expected = bytes.firstIndex { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
            if bytes.withUnsafeBufferPointer({ ControlCharacters.firstForbidden(in: $0) }) != expected { disagreements.append(bytes) }
        }
        #expect(disagreements == [])
    }
}
