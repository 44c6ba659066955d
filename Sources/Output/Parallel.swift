import Dispatch

/// `items.map(transform)`, spread over all cores, keeping the order. Inlinable, so that callers in other
/// targets (Site renders and loads with it) get it specialized for their types, as before it moved here.
@inlinable
public func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    guard items.count > 1 else { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    nonisolated(unsafe) let shared = results
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        shared[index] = transform(items[index])
    }
    // Move each result out so the buffer holds nothing when it is deallocated (no leak).
    return (0..<items.count).map { (results.baseAddress! + $0).move()! }
}
