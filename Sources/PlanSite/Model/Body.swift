import Foundation
import PlanMarkdown

/// A Markdown body: where its text is, and what the build needs of it besides its page (its
/// links, for checking; its first paragraph, for feeds and summaries). A plain value: when and
/// how often the text is parsed to render it is the renderer's business (`RenderContext`).
public struct Body: Sendable {
    public enum Text: Sendable {
        /// Parsed and kept (home, documents, areas: few, and shown on several pages).
        case held(MarkdownDocument)
        /// Read again from its file when rendered (events: at ten thousand of them the bodies'
        /// text and trees would be most of the build's memory). The path is a string, not a
        /// URL: a URL per body cost more to make than the rest of an event. `stamp` is the file
        /// as it was when it was loaded and checked.
        case file(path: String, displayPath: String, stamp: FileStamp)
    }

    public let text: Text
    public let facts: BodyFacts

    public init(held document: MarkdownDocument) {
        self.init(text: .held(document), facts: BodyFacts(document))
    }

    init(text: Text, facts: BodyFacts) {
        self.text = text
        self.facts = facts
    }

    /// Links and image sources with their places in the whole file (`MarkdownDocument.links`).
    public var links: [(url: String, position: SourcePosition)] { facts.links }
    /// The first paragraph as plain text, for a summary.
    public var firstParagraph: String? { facts.firstParagraph }

    /// Where a body that is read again comes from; nil for a held body.
    var file: (path: String, displayPath: String, stamp: FileStamp)? {
        guard case .file(let path, let displayPath, let stamp) = text else { return nil }
        return (path, displayPath, stamp)
    }
}

/// What the build needs of a body besides its page.
public struct BodyFacts: Sendable {
    public let links: [(url: String, position: SourcePosition)]
    public let firstParagraph: String?

    init(_ document: MarkdownDocument) {
        self.init(links: document.links, firstParagraph: document.firstParagraph)
    }

    init(links: [(url: String, position: SourcePosition)], firstParagraph: String?) {
        self.links = links
        self.firstParagraph = firstParagraph
    }
}

/// A content file changed while the site was being built: its page would not match what was checked.
public struct BodyChanged: Error, Sendable {
    public let path: String

    static let message = "the file changed while the site was being built; build again"
}

/// A file's size and modification time, to tell whether it changed since it was read.
public struct FileStamp: Sendable, Equatable {
    let size: Int64
    let modified: Int64
    let modifiedNanoseconds: Int64

    static func of(_ url: URL) -> FileStamp? { of(path: url.path) }

    static func of(path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(
            size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec),
            modifiedNanoseconds: Int64(info.st_mtim.tv_nsec))
    }
}
