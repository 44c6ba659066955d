/// A NUL-terminated UTF-8 text built by appending, for cmark's setters: markup made of several parts
/// costs one buffer, where string interpolation paid an append (and a copy into a C string) per part.
///
/// The bytes live in a buffer of its own, grown by doubling: an append is a capacity check and a copy.
/// Appending to an `Array` cost some ninety instructions a part (its generic `append(contentsOf:)`, a
/// uniqueness check), and a checklist item is built from eight parts. Not copyable, so the buffer has one owner.
struct CStringBuilder: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// The buffer's size, always more than `count`: there is room for the NUL.
    private var capacity: Int

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int = 96) {
        self.capacity = max(capacity, 0) + 1
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes and the NUL.
    private mutating func reserve(_ extra: Int) {
        let needed = count + extra + 1
        guard needed > capacity else { return }
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        buffer.initialize(from: base, count: count)
        base.deallocate()
        base = buffer
        capacity = grown
    }

    /// Appends `text`'s UTF-8.
    mutating func append(string text: String) {
        var text = text
        // A native string's UTF-8 is contiguous already: this is a pointer to it, not a copy.
        text.withUTF8 { append($0) }
    }

    /// Appends a literal's UTF-8: the markup's fixed parts, with no string made or retained for them
    /// (a `String` argument cost a hundred instructions a part, most of them for small strings' copies).
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends `bytes`.
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    /// Appends `number` in decimal, as `String(number)` writes it.
    mutating func append(_ number: Int) {
        reserve(20)  // Int.min has 19 digits and a sign
        if number < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        // Most significant digit first, so nothing is reversed afterwards.
        var value = number.magnitude
        var divisor: UInt = 1
        while value / divisor >= 10 { divisor *= 10 }
        repeat {
            base[count] = UInt8(ascii: "0") + UInt8(value / divisor)
            count += 1
            value %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// Empties the text, keeping its buffer for the next one.
    mutating func removeAll() { count = 0 }

    /// Calls `body` with the text as a C string.
    @discardableResult
    mutating func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        base[count] = 0
        return body(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
    }
}
