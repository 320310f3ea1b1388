import Foundation
import PlanMarkdown

/// A Markdown body: what the build needs of it at once (its links, for checking; its first
/// paragraph, for feeds and summaries), and where to read it again when its page is rendered.
/// An event's body is read again from its file rather than held: at ten thousand events the
/// bodies' text and trees would be most of the build's memory.
public struct Body: Sendable {
    public let links: [(url: String, position: SourcePosition)]
    public let firstParagraph: String?
    private let storage: Storage

    enum Storage: Sendable {
        case held(MarkdownDocument)
        /// The file's path, not a URL: a large site has tens of thousands of bodies, and a URL
        /// costs more to make than the rest of a cached event.
        case file(path: String, displayPath: String, stamp: FileStamp)
    }

    /// A body kept in memory (home, documents, areas: few, and shown on several pages).
    public init(held document: MarkdownDocument) {
        links = document.links
        firstParagraph = document.firstParagraph
        storage = .held(document)
    }

    /// A body read again from the file at `path` when needed; `stamp` is the file as it was
    /// when loaded.
    init(document: MarkdownDocument, path: String, displayPath: String, stamp: FileStamp) {
        self.init(links: document.links, firstParagraph: document.firstParagraph, path: path, displayPath: displayPath, stamp: stamp)
    }

    /// A body read again from the file at `path` when needed, as the load cache recorded it.
    init(links: [(url: String, position: SourcePosition)], firstParagraph: String?, path: String, displayPath: String, stamp: FileStamp) {
        self.links = links
        self.firstParagraph = firstParagraph
        storage = .file(path: path, displayPath: displayPath, stamp: stamp)
    }

    /// Where a body that is read again comes from; nil for a held body.
    var file: (path: String, displayPath: String, stamp: FileStamp)? {
        guard case .file(let path, let displayPath, let stamp) = storage else { return nil }
        return (path, displayPath, stamp)
    }

    /// The parsed body, read again from its file if it is not held. A file that changed since it
    /// was loaded is refused: its page would not match what was checked.
    public func document() throws -> MarkdownDocument {
        switch storage {
        case .held(let document): return document
        case .file(let path, let displayPath, let stamp):
            guard FileStamp.of(path: path) == stamp, let bytes = PlainFile.readBytes(path, size: Int(stamp.size)) else {
                throw BodyChanged(path: displayPath)
            }
            // The file is as it was when it was loaded and checked (valid UTF-8): its body's bytes
            // go to cmark as they are, unless the loader's reading would change them.
            if SourceFile.readsAsItsBytes(bytes), let body = bytes.withUnsafeBufferPointer(FrontMatter.body(in:)) {
                return MarkdownDocument(utf8: Array(bytes[body.start...]), lineOffset: body.lineOffset, isValidUTF8: true)
            }
            guard case .success(let file) = SourceFile.decode(bytes: bytes, displayPath: displayPath),
                  case .success(let frontMatter) = FrontMatter.split(file)
            else { throw BodyChanged(path: displayPath) }
            return MarkdownDocument(source: frontMatter.body, lineOffset: frontMatter.bodyLineOffset)
        }
    }
}

/// A content file changed while the site was being built.
public struct BodyChanged: Error, Sendable {
    public let path: String
}

/// A file's size and modification time, to tell whether it changed since it was read.
struct FileStamp: Sendable, Equatable {
    let size: Int64
    let modified: Int64
    let modifiedNanoseconds: Int64

    static func of(_ url: URL) -> FileStamp? { of(path: url.path) }

    static func of(path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec),
                         modifiedNanoseconds: Int64(info.st_mtim.tv_nsec))
    }
}
