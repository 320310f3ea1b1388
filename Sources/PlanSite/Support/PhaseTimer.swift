import Foundation

/// Wall time per step of a build, for `plansite build --timings`: where a slow build spends
/// its time, without a profiler.
struct PhaseTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var finished: [(name: String, seconds: Double)] = []

    init() { last = clock.now }

    /// Ends the step called `name`, which began when the previous one ended.
    mutating func end(_ name: String) {
        let now = clock.now
        let elapsed = now - last
        finished.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        last = now
    }
}
