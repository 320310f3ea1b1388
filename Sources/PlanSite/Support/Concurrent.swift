import Dispatch

/// A value worked out on another thread while the caller does something else; `value` waits
/// for it.
final class Concurrent<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            result = work()
            done.signal()
        }
    }

    /// The value, once it is ready (asked once or many times).
    var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
