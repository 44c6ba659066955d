import Testing

@testable import Markdown

/// `BareURL.ranges` tests a byte for `h` or `w` before looking for a URL there: the ranges must be those of
/// the scan that called `startsURL` at every byte (kept here as the reference).
@Suite struct BareURLTests {
    @Test func findsTheRangesTheByteByByteScanFound() {
        let pieces = [
            "https://", "HTTP://", "http:/", "www.", "WwW.", "ww.", "h", "w", "a", "x.org", "/path", "?q=1", ")", "(", ".", ",", " ", "<",
            "\u{A0}", "\u{202F}", "«", "»", "\u{201D}", "é", "hé", "\n",
        ]
        var draws = SeededDraws(seed: 0x0B0A_4D00_0000_0003)
        func next(_ bound: Int) -> Int { draws.next(bound) }
        var disagreements: [String] = []
        var withURL = 0
        for _ in 0..<6_000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            let ranges = BareURL.ranges(in: text)
            if !ranges.isEmpty { withURL += 1 }
            if ranges != Self.reference(Array(text.utf8)) { disagreements.append(text.debugDescription) }
        }
        #expect(disagreements == [])
        #expect(withURL > 1_000)
        #expect(BareURL.ranges(in: "see https://example.org/a, then") == [4..<25])
    }

    /// `BareURL.ranges` as it was: a call per byte to look for a URL's start there.
    static func reference(_ bytes: [UInt8]) -> [Range<Int>] {
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        func startsURL(at index: Int) -> Bool {
            let first = bytes[index] | 0x20
            guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { return false }
            if index > 0, isAlphanumeric(bytes[index - 1]) { return false }
            for prefix in ["https://", "http://", "www."] where index + prefix.utf8.count <= bytes.count {
                if zip(prefix.utf8, bytes[index...]).allSatisfy({ $0 == $1 | ($1 >= 0x41 && $1 <= 0x5A ? 0x20 : 0) }) { return true }
            }
            return false
        }
        func endsURL(at index: Int) -> Bool {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, UInt8(ascii: "<"): return true
            case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0xA0
            case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF
            default: return false
            }
        }
        func trimmed(_ start: Int, _ end: Int) -> Int {
            var end = end
            var opened = 0
            var closed = 0
            for byte in bytes[start..<end] {
                if byte == UInt8(ascii: "(") { opened += 1 } else if byte == UInt8(ascii: ")") { closed += 1 }
            }
            while end > start {
                let last = bytes[end - 1]
                if "?!.,:*_~'\"".utf8.contains(last) {
                    end -= 1
                } else if last == UInt8(ascii: ")"), closed > opened {
                    closed -= 1
                    end -= 1
                } else if end - start >= 2, bytes[end - 2] == 0xC2, last == 0xAB || last == 0xBB {
                    end -= 2
                } else if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, (0x98...0x9D).contains(last) {
                    end -= 3
                } else {
                    break
                }
            }
            return end
        }
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard startsURL(at: index) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, !endsURL(at: end) { end += 1 }
            end = trimmed(index, end)
            found.append(index..<end)
            index = max(end, index + 1)
        }
        return found
    }
}
