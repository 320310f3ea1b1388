import Dispatch
import Foundation

/// `map` on every core, results in the input's order, so what follows does not depend on
/// which thread finished first.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input],
        _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let results = ResultSlots<Output>(count: inputs.count)
        let counter = WorkCounter(count: inputs.count)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, inputs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = counter.next() {
                results.set(index, transform(inputs[index]))
            }
        }
        return results.values
    }
}

/// One slot per input, each written by exactly one thread.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.map { $0! } }
}
