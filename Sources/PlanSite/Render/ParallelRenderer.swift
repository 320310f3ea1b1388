import Dispatch
import Foundation

/// Renders the planned files on every core and hands each one to `write` as soon as it is
/// made, so the site's HTML is never held in memory at once. Each file depends only on the
/// model, never on the order files are made in, so the output is the same on any number of
/// threads. Returns how many files were rendered (the others were kept from the previous build).
enum ParallelRenderer {
    static func render(_ pages: [PlannedPage], context: RenderContext, theme: Theme,
                       threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                       progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                       reuse: @escaping @Sendable (_ file: String, _ key: UInt64) throws -> Bool = { _, _ in false },
                       write: @escaping @Sendable (_ file: String, Data, _ key: UInt64?) throws -> Void) throws -> Int {
        let counter = WorkCounter(count: pages.count)
        let reused = WorkCounter(count: Int.max)
        let failure = FirstFailure()
        let workers = max(1, min(threads, pages.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let own = context.withOwnDateFormatters()
            while let index = counter.next() {
                // Every 50th file taken; the count is approximate under parallel work.
                if index % 50 == 0 { progress?(index, pages.count) }
                let page = pages[index]
                do {
                    if let key = page.reuseKey, try reuse(page.file, key) {
                        _ = reused.next()
                        continue
                    }
                    let text: String
                    switch page.content {
                    case .page(let template, let view): text = theme.render(try view(own), template: template)
                    case .file(let render): text = try render(own)
                    }
                    try write(page.file, Data(text.utf8), page.reuseKey)
                } catch {
                    failure.record(error)
                    counter.stop()
                }
            }
        }
        if let error = failure.error { throw error }
        return pages.count - reused.taken
    }
}

/// The first error any render thread met.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: Error?

    func record(_ failure: Error) {
        lock.lock()
        if error == nil { error = failure }
        lock.unlock()
    }
}
