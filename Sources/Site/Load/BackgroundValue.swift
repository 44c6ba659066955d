import Dispatch

/// A value computed on another thread from the moment it is made, waited for where it is read.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    /// Written once by the work, read only after `group.wait()` (which orders the write before the read).
    private var value: Value?
    private let group = DispatchGroup()

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async {
            self.value = work()
            self.group.leave()
        }
    }

    /// The value, once the work is done (waits for it).
    var result: Value {
        group.wait()
        return value!
    }
}
