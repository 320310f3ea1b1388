import Foundation
import PlanMarkdown
import Synchronization

/// A Markdown body: what the build needs of it besides its page (its links, for checking; its
/// first paragraph, for feeds and summaries: its `BodyFacts`), and where to read it again when
/// its page is rendered. An event's body is read again from its file rather than held: at ten
/// thousand events the bodies' text and trees would be most of the build's memory.
///
/// An event's body may also be parsed only when its page is rendered (`init(parsedWhenRenderedFrom:…)`): a
/// first build then parses each body once, not once to load and once to render; its facts are
/// recorded by that parse, or by the first to ask for them (`facts()`).
public struct Body: Sendable {
    private let storage: Storage
    private let known: BodyFacts?
    /// Where the facts of a body parsed when rendered are recorded; nil when they are `known`.
    private let later: LaterFacts?

    enum Storage: Sendable {
        case held(MarkdownDocument)
        /// The file's path, not a URL: a large site has tens of thousands of bodies, and a URL
        /// costs more to make than the rest of a cached event.
        case file(path: String, displayPath: String, stamp: FileStamp)
    }

    /// A body kept in memory (home, documents, areas: few, and shown on several pages).
    public init(held document: MarkdownDocument) {
        self.init(storage: .held(document), known: BodyFacts(document))
    }

    /// A body read again from the file at `path` when needed; `stamp` is the file as it was
    /// when loaded.
    init(document: MarkdownDocument, path: String, displayPath: String, stamp: FileStamp) {
        self.init(storage: .file(path: path, displayPath: displayPath, stamp: stamp), known: BodyFacts(document))
    }

    /// A body read again from the file at `path` when needed, as the load cache recorded it.
    init(links: [(url: String, position: SourcePosition)], firstParagraph: String?, path: String, displayPath: String, stamp: FileStamp) {
        self.init(storage: .file(path: path, displayPath: displayPath, stamp: stamp),
                  known: BodyFacts(links: links, firstParagraph: firstParagraph, tooDeep: nil))
    }

    /// A body not parsed yet: read and parsed when its page is rendered, or when its facts are
    /// asked for first.
    init(parsedWhenRenderedFrom path: String, displayPath: String, stamp: FileStamp) {
        self.init(storage: .file(path: path, displayPath: displayPath, stamp: stamp), known: nil)
    }

    private init(storage: Storage, known: BodyFacts?) {
        self.storage = storage
        self.known = known
        later = known == nil ? LaterFacts() : nil
    }

    /// The facts, if they are known without parsing: given at load, or recorded since.
    var knownFacts: BodyFacts? { known ?? later?.recorded }

    /// The facts, parsing the body now if nothing has yet. Throws `BodyChanged` when its file
    /// changed since it was loaded.
    func facts() throws -> BodyFacts {
        if let facts = knownFacts { return facts }
        _ = try document()
        return knownFacts!
    }

    /// Links and image sources with their places in the whole file (`MarkdownDocument.links`).
    /// For a body parsed when rendered whose file has changed since, none: the build fails on
    /// that when it checks the body (`facts()`).
    public var links: [(url: String, position: SourcePosition)] { ((try? facts())?.links) ?? [] }
    /// The first paragraph as plain text, for a summary (same proviso as `links`).
    public var firstParagraph: String? { (try? facts())?.firstParagraph }

    /// Where a body that is read again comes from; nil for a held body.
    var file: (path: String, displayPath: String, stamp: FileStamp)? {
        guard case .file(let path, let displayPath, let stamp) = storage else { return nil }
        return (path, displayPath, stamp)
    }

    /// The parsed body, read again from its file if it is not held. A file that changed since it
    /// was loaded is refused: its page would not match what was checked. The first parse of a
    /// body parsed when rendered records its facts.
    public func document() throws -> MarkdownDocument {
        switch storage {
        case .held(let document): return document
        case .file(let path, let displayPath, let stamp):
            let document = try Self.read(path: path, displayPath: displayPath, stamp: stamp)
            if let later, later.recorded == nil { later.record(BodyFacts(document)) }
            return document
        }
    }

    private static func read(path: String, displayPath: String, stamp: FileStamp) throws -> MarkdownDocument {
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

/// What the build needs of a body besides its page.
public struct BodyFacts: Sendable {
    public let links: [(url: String, position: SourcePosition)]
    public let firstParagraph: String?
    /// Where the body nests deeper than `MarkdownParser.maximumDepth`: an error. Always nil for
    /// a body parsed at load, which was refused then.
    public let tooDeep: SourcePosition?

    init(_ document: MarkdownDocument) {
        self.init(links: document.links, firstParagraph: document.firstParagraph, tooDeep: document.tooDeep)
    }

    init(links: [(url: String, position: SourcePosition)], firstParagraph: String?, tooDeep: SourcePosition?) {
        self.links = links
        self.firstParagraph = firstParagraph
        self.tooDeep = tooDeep
    }
}

/// The facts of a body parsed when rendered, once some thread has parsed it. Render threads
/// may parse the same body at once (a page and a calendar file): the first to record wins, and
/// every parse gives the same facts.
private final class LaterFacts: Sendable {
    private let facts = Mutex<BodyFacts?>(nil)

    var recorded: BodyFacts? { facts.withLock { $0 } }

    func record(_ new: BodyFacts) {
        facts.withLock { if $0 == nil { $0 = new } }
    }
}

/// A content file changed while the site was being built.
public struct BodyChanged: Error, Sendable {
    public let path: String

    static let message = "the file changed while the site was being built; build again"
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
