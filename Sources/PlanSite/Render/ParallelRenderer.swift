import Dispatch
import Foundation

/// Renders the planned files on every core and hands each one to `write` as soon as it is
/// made, so the site's HTML is never held in memory at once. Each file depends only on the
/// model, never on the order files are made in, so the output is the same on any number of
/// threads.
enum ParallelRenderer {
    static func render(_ pages: [PlannedPage], context: RenderContext, theme: Theme,
                       threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                       progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                       write: @escaping @Sendable (String, Data) throws -> Void) throws {
        let queue = WorkQueue(count: pages.count)
        let workers = max(1, min(threads, pages.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let own = context.withOwnDateFormatters()
            while let index = queue.next() {
                // Every 50th file taken; the count is approximate under parallel work.
                if index % 50 == 0 { progress?(index, pages.count) }
                let page = pages[index]
                do {
                    let text: String
                    switch page.content {
                    case .page(let template, let view): text = theme.render(try view(own), template: template)
                    case .file(let render): text = try render(own)
                    }
                    try write(page.file, Data(text.utf8))
                } catch {
                    queue.fail(error)
                }
            }
        }
        if let error = queue.error { throw error }
    }
}

/// Hands out indexes one at a time (large and small files mix, so threads take the next one
/// as they finish) and stops handing them out after the first failure.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    private(set) var error: Error?

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard error == nil, nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func fail(_ failure: Error) {
        lock.lock()
        if error == nil { error = failure }
        lock.unlock()
    }
}
