import Synchronization

/// Hands out indexes one at a time to the threads of a parallel loop (large and small items
/// mix, so each thread takes the next one as it finishes), until the end or until stopped.
/// Atomic, not locked: a rebuild hands out tens of thousands of indexes for files that are
/// only looked at, and two threads queueing on a lock for each cost more than the look.
final class WorkCounter: Sendable {
    private let nextIndex = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        guard !stopped.load(ordering: .acquiring) else { return nil }
        let index = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }

    /// No index is handed out after this.
    func stop() {
        stopped.store(true, ordering: .releasing)
    }
}
