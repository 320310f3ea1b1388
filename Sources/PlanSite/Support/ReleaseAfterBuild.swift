import Dispatch

/// Frees what a finished build was made of (the model, the plan) on another core, while the
/// build returns: freeing a 10,000-event site object by object takes about a quarter of a
/// second, a quarter of a rebuild after one edit. `plansite build` exits meanwhile and the
/// system takes the memory back at once; `plansite serve` has it freed right after each build.
enum ReleaseAfterBuild {
    private static let queue = DispatchQueue(label: "plansite.release", qos: .utility)

    /// The values are the build's own: nothing else uses them once it has returned.
    private struct Held: @unchecked Sendable {
        let values: [Any]
    }

    static func release(_ values: Any...) {
        let held = Held(values: values)
        queue.async { _ = held }
    }
}
