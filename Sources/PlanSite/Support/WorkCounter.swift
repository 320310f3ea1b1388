import Foundation

/// Hands out indexes one at a time to the threads of a parallel loop (large and small items
/// mix, so each thread takes the next one as it finishes), until the end or until stopped.
final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var stopped = false
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    /// No index is handed out after this.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}
