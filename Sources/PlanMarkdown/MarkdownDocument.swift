/// A parsed Markdown body and what the rest of PlanSite needs from it.
public struct MarkdownDocument: Sendable {
    public let root: MarkdownNode
    /// Added to cmark's line numbers so they count from the top of the file, not the body.
    public let lineOffset: Int

    public init(source: String, lineOffset: Int = 0) {
        self.root = MarkdownParser.parse(source)
        self.lineOffset = lineOffset
    }

    public var isEmpty: Bool { root.children.isEmpty }

    /// Link and image destinations with their positions in the whole file.
    public var links: [(url: String, position: SourcePosition)] {
        root.linkTargets.map { link in
            (link.url, SourcePosition(line: link.position.line + lineOffset, column: link.position.column))
        }
    }

    public func html(topHeadingLevel: Int = 2, reservedIDs: Set<String> = [], rewrite: @escaping HTMLRenderer.LinkRewriter = { $0 }) -> String {
        var renderer = HTMLRenderer(topHeadingLevel: topHeadingLevel, reservedIDs: reservedIDs, rewrite: rewrite)
        return renderer.render(root)
    }

    public var plainText: String { root.plainText }
    public var firstParagraph: String? { root.firstParagraph }
}
