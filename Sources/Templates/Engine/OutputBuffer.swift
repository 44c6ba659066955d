/// The bytes a render writes: a growable buffer that appends with one capacity check and a copy, without an
/// array's uniqueness check on every write. Its owner frees it once with `take()`, which returns the bytes.
struct OutputBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes were written.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        self.start = .allocate(capacity: self.capacity)
    }

    /// Whether nothing was written.
    var isEmpty: Bool { count == 0 }
    /// The last byte written, if any.
    var last: UInt8? { count == 0 ? nil : start[count - 1] }

    /// Appends `length` bytes from `bytes`.
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        if count + length > capacity { grow(to: count + length) }
        (start + count).update(from: bytes, count: length)
        count += length
    }

    /// Appends `bytes`.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        append(base, count: bytes.count)
    }

    /// Appends `bytes`.
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends `bytes`.
    mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends the UTF-8 bytes of `text`.
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
    }

    /// Forgets the bytes written after the first `newCount`.
    mutating func truncate(to newCount: Int) {
        count = min(count, max(newCount, 0))
    }

    /// The bytes written, in an array of exactly their size; frees the buffer, which must not be used again.
    mutating func take() -> [UInt8] {
        let bytes = [UInt8](UnsafeBufferPointer(start: start, count: count))
        start.deallocate()
        capacity = 0
        count = 0
        return bytes
    }

    private mutating func grow(to minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.initialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }
}
