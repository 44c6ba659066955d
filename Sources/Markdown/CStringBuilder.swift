/// A NUL-terminated UTF-8 text built by appending, for cmark's setters: markup made of several parts
/// costs one buffer, where string interpolation paid an append (and a copy into a C string) per part.
struct CStringBuilder {
    private var bytes: [UInt8] = []

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int = 96) { bytes.reserveCapacity(capacity) }

    /// Appends `text`'s UTF-8.
    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends `number` in decimal, as `String(number)` writes it.
    mutating func append(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var value = number.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
            value /= 10
        } while value > 0
        bytes[start...].reverse()
    }

    /// Calls `body` with the text as a C string.
    @discardableResult
    mutating func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        bytes.append(0)
        defer { bytes.removeLast() }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
