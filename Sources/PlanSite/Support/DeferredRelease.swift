import Foundation

/// Holds what a finished build was made of (the model, the plan, the previous build's manifest)
/// until the next build starts, instead of freeing it as the build returns.
///
/// Freeing a 10,000-event site object by object takes about a quarter of a second, a quarter of
/// a rebuild after one edit; `plansite build` exits right after, and the system takes the whole
/// memory back at once. A long-running `plansite serve` lets it go when its next build begins,
/// so it never holds two builds' worth.
enum DeferredRelease {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var held: [Any] = []

    /// Keeps `values` alive until `releaseHeld()`.
    static func hold(_ values: Any...) {
        lock.lock()
        held.append(contentsOf: values)
        lock.unlock()
    }

    /// Lets go of what the last build left.
    static func releaseHeld() {
        lock.lock()
        let previous = held
        held = []
        lock.unlock()
        _ = previous
    }
}
