import Dispatch
import Foundation

/// `map` on `workers` threads, results in the input's order.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], workers: Int,
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        let slots = Slots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, inputs.count))) { _ in
            while let index = slots.claim() {
                slots.set(index, transform(inputs[index]))
            }
        }
        return slots.values
    }
}

/// One slot per input, each claimed and written by exactly one thread.
private final class Slots<Value>: @unchecked Sendable {
    private var values_: [Value?]
    private var nextIndex = 0
    private let lock = NSLock()

    init(count: Int) { values_ = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < values_.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        values_[index] = value
        lock.unlock()
    }

    var values: [Value] { values_.map { $0! } }
}
