import Dispatch
import Foundation

/// Runs `body` for every index below `count` on `workers` threads, each index once.
enum ParallelEach {
    static func run(count: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
        let next = NextIndex(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            while let index = next.claim() { body(index) }
        }
    }
}

/// Hands out the indices below `count`, each once, to whichever thread asks.
private final class NextIndex: @unchecked Sendable {
    private let count: Int
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// One slot per index, each written once by one thread; read when all are written.
final class ResultSlots<Value>: @unchecked Sendable {
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
