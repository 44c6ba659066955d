import Testing

@testable import Templates

/// The render's byte buffer: appends of every kind, growth past its first capacity, truncation, and `take`.
@Suite struct OutputBufferTests {
    @Test func appendsEveryKindOfBytesInOrderAndGrows() {
        var buffer = OutputBuffer(capacity: 1)
        #expect(buffer.isEmpty)
        #expect(buffer.last == nil)
        buffer.append([UInt8]("ab".utf8))
        buffer.append([UInt8]("xcdx".utf8)[1..<3])
        buffer.append("é🙂")
        let long = String(repeating: "0123456789", count: 30)
        buffer.append(long)
        buffer.append([])
        buffer.append("")
        #expect(buffer.count == 4 + "é🙂".utf8.count + 300)
        #expect(buffer.last == UInt8(ascii: "9"))
        #expect(!buffer.isEmpty)
        #expect(String(decoding: buffer.take(), as: UTF8.self) == "abcdé🙂" + long)
    }

    @Test func truncateForgetsTheLastBytesOnly() {
        var buffer = OutputBuffer(capacity: 64)
        buffer.append("line\n  ")
        buffer.truncate(to: 5)
        #expect(buffer.last == UInt8(ascii: "\n"))
        buffer.append("next")
        #expect(buffer.take() == [UInt8]("line\nnext".utf8))
    }

    @Test func takeOfAnEmptyBufferIsEmpty() {
        var buffer = OutputBuffer(capacity: 0)
        #expect(buffer.take().isEmpty)
    }
}
