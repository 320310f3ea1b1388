import Dispatch
import Foundation

/// Renders the planned files on every core and hands each one to `write` as soon as it is
/// made, so the site's HTML is never held in memory at once. Each file depends only on the
/// model, never on the order files are made in, so the output is the same on any number of
/// threads.
enum ParallelRenderer {
    static func render(
        _ pages: [PlannedPage], context: RenderContext, theme: Theme,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        reuse: @escaping @Sendable (_ file: String, _ key: UInt64) throws -> Bool = { _, _ in false },
        write: @escaping @Sendable (_ file: String, _ rendered: Rendered, _ key: UInt64?) throws -> Void
    ) throws {
        let counter = WorkCounter(count: pages.count)
        let failure = FirstFailure()
        let workers = max(1, min(threads, pages.count))
        /// Renders and writes one file, unless the previous build's can be kept.
        @Sendable func make(_ page: PlannedPage, _ own: RenderContext) throws {
            if let key = page.reuseKey, try reuse(page.file, key) {
                page.whenKept?(own)
                return
            }
            let rendered: Rendered
            switch page.content {
            case .page(let template, let view): rendered = .bytes(try theme.render(try view(own), template: template))
            case .file(let render): rendered = .text(try render(own))
            case .encoded(let render): rendered = .bytes(try render(own))
            }
            try write(page.file, rendered, page.reuseKey)
        }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let own = context.forOneThread()
            while let taken = counter.next() {
                // Every 50th file taken; the count is approximate under parallel work.
                if taken % 50 == 0 { progress?(taken, pages.count) }
                // A file rendered with the one before it is left to the thread that took that one.
                guard !pages[taken].rendersWithPrevious else { continue }
                do {
                    try make(pages[taken], own)
                    var next = taken + 1
                    while next < pages.count && pages[next].rendersWithPrevious {
                        try make(pages[next], own)
                        next += 1
                    }
                } catch {
                    failure.record(error)
                    counter.stop()
                }
                own.documents.forget()
            }
        }
        if let error = failure.error { throw error }
    }
}

/// A rendered file: text, or UTF-8 bytes the builder assembled itself.
enum Rendered {
    case text(String)
    case bytes([UInt8])
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
