/// A parsed Markdown body and what the rest of PlanSite needs from it.
public struct MarkdownDocument: Sendable {
    public let root: MarkdownNode
    /// Added to cmark's line numbers so they count from the top of the file, not the body.
    public let lineOffset: Int
    /// Where the body nests deeper than `MarkdownParser.maximumDepth`, in the whole file.
    public let tooDeep: SourcePosition?

    private let source: String

    public init(source: String, lineOffset: Int = 0) {
        let parsed = MarkdownParser.parse(source)
        self.root = parsed.root
        self.tooDeep = parsed.tooDeep.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
        self.lineOffset = lineOffset
        self.source = source
    }

    public var isEmpty: Bool { root.children.isEmpty }

    /// Link and image destinations with their positions in the whole file; columns count
    /// characters, as every other diagnostic does (cmark counts bytes).
    public var links: [(url: String, position: SourcePosition)] {
        let targets = root.linkTargets
        guard !targets.isEmpty else { return [] }
        // Where each line starts, found on the bytes: cmark's columns are byte offsets.
        let utf8 = Array(source.utf8)
        var lineStarts = [0]
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        return targets.map { link in
            var column = link.position.column
            if link.position.line >= 1, link.position.line <= lineStarts.count {
                let start = lineStarts[link.position.line - 1]
                let end = min(utf8.count, start + max(0, column - 1))
                // Characters before the link: bytes that start a UTF-8 sequence.
                column = utf8[start..<end].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } + 1
            }
            return (link.url, SourcePosition(line: link.position.line + lineOffset, column: column))
        }
    }

    public func html(topHeadingLevel: Int = 2, reservedIDs: Set<String> = [], rewrite: @escaping HTMLRenderer.LinkRewriter = { $0 }) -> String {
        var renderer = HTMLRenderer(topHeadingLevel: topHeadingLevel, reservedIDs: reservedIDs, rewrite: rewrite)
        return renderer.render(root)
    }

    public var plainText: String { root.plainText }
    public var firstParagraph: String? { root.firstParagraph }
}
