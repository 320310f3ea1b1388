import Foundation
import PlanMarkdown

/// The body one render thread parsed last, kept until the thread moves on to the next group
/// of files (`ParallelRenderer`): an event's page and its `event.ics` read and parse the
/// event's text once between them. One thread only, so no lock.
final class ParsedDocuments: @unchecked Sendable {
    private var last: (path: String, stamp: FileStamp, document: MarkdownDocument)?

    func document(for path: String, stamp: FileStamp) -> MarkdownDocument? {
        guard let last, last.path == path, last.stamp == stamp else { return nil }
        return last.document
    }

    func keep(_ document: MarkdownDocument, for path: String, stamp: FileStamp) {
        last = (path, stamp, document)
    }

    func forget() {
        last = nil
    }
}
