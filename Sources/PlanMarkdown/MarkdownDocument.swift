/// A parsed Markdown body and what the rest of PlanSite needs from it. It holds cmark's tree,
/// freed when the last copy of the document goes.
public struct MarkdownDocument: Sendable {
    /// Added to cmark's line numbers so they count from the top of the file, not the body.
    public let lineOffset: Int
    /// Where the body nests deeper than `MarkdownParser.maximumDepth`, in the whole file.
    public let tooDeep: SourcePosition?

    private let tree: CmarkTree?
    /// The Markdown's bytes, for the links' columns.
    private let source: [UInt8]

    public init(source: some StringProtocol, lineOffset: Int = 0) {
        // A String's bytes are valid UTF-8: cmark need not check them again.
        self.init(utf8: Array(source.utf8), lineOffset: lineOffset, isValidUTF8: true)
    }

    /// Parses UTF-8 bytes as they are: cmark replaces an invalid sequence, unless the caller
    /// knows there is none (`isValidUTF8`: a body read again from a file that was checked when
    /// it was loaded and has not changed since).
    public init(utf8: [UInt8], lineOffset: Int = 0, isValidUTF8: Bool = false) {
        let parsed = utf8.withUnsafeBufferPointer { MarkdownParser.parse($0, validatesUTF8: !isValidUTF8) }
        self.tree = parsed.tree
        self.tooDeep = parsed.tooDeep.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
        self.lineOffset = lineOffset
        self.source = utf8
    }

    public var isEmpty: Bool { tree?.root.firstChild == nil }

    /// Link and image destinations with their positions in the whole file; columns count
    /// characters, as every other diagnostic does (cmark counts bytes).
    public var links: [(url: String, position: SourcePosition)] {
        guard let linkNodes = tree?.links, !linkNodes.isEmpty else { return [] }
        let positions = positions(of: linkNodes.map(\.position))
        return zip(linkNodes, positions).map { ($0.url, $1) }
    }

    /// Where each image without alt text is (its alt is empty or only spaces), in the whole file.
    public var imagesWithoutAlt: [SourcePosition] {
        guard let linkNodes = tree?.links else { return [] }
        let missing = linkNodes.filter { node in
            node.kind == .image && node.plainText(depth: 0).allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" }
        }
        return positions(of: missing.map(\.position))
    }

    /// cmark's positions (lines of the body, columns in bytes) as positions in the whole file
    /// with columns in characters.
    private func positions(of targets: [SourcePosition]) -> [SourcePosition] {
        guard !targets.isEmpty else { return [] }
        return source.withUnsafeBufferPointer { utf8 in
            // Links come in the order they were written: each line's start is found by going on
            // from the last one (from the top again if a link is on an earlier line), and on one
            // line the characters are counted on from the last link's (40,000 links on a line
            // would otherwise count the line's start 40,000 times over).
            var line = 1
            var lineStart = 0
            var counted = (byte: 0, characters: 0)
            return targets.map { position in
                guard position.line >= 1 else { return position }
                if position.line < line { (line, lineStart, counted) = (1, 0, (0, 0)) }
                while line < position.line, let newLine = Self.newLine(in: utf8, from: lineStart) {
                    lineStart = newLine + 1
                    line += 1
                    counted = (lineStart, 0)
                }
                var column = position.column
                if line == position.line {
                    let end = min(utf8.count, lineStart + max(0, column - 1))
                    if end < counted.byte { counted = (lineStart, 0) }
                    // Characters before the link: bytes that start a UTF-8 sequence.
                    let more = utf8[counted.byte..<end].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                    counted = (end, counted.characters + more)
                    column = counted.characters + 1
                }
                return SourcePosition(line: position.line + lineOffset, column: column)
            }
        }
    }

    /// The next `\n` from `start`, eight bytes at a time.
    private static func newLine(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let found = WordScan.firstIndex(
            in: utf8, from: start, words: { WordScan.matches($0, UInt8(ascii: "\n")) },
            where: { $0 == UInt8(ascii: "\n") })
        return found < utf8.count ? found : nil
    }

    public func html(
        topHeadingLevel: Int = 2, reservedIDs: Set<String> = [], hooks: RenderHooks = RenderHooks(),
        rewrite: @escaping HTMLRenderer.LinkRewriter = { $0 }
    ) -> String {
        String(
            decoding: htmlUTF8(
                topHeadingLevel: topHeadingLevel, reservedIDs: reservedIDs, hooks: hooks, rewrite: rewrite),
            as: UTF8.self)
    }

    /// `html(…)` as UTF-8 bytes, for a page written as bytes: making a String of them checks
    /// every byte again.
    public func htmlUTF8(
        topHeadingLevel: Int = 2, reservedIDs: Set<String> = [], hooks: RenderHooks = RenderHooks(),
        rewrite: @escaping HTMLRenderer.LinkRewriter = { $0 }
    ) -> [UInt8] {
        guard let tree else { return [] }
        var renderer = HTMLRenderer(
            topHeadingLevel: topHeadingLevel, reservedIDs: reservedIDs, hooks: hooks, rewrite: rewrite)
        return renderer.render(tree.root, sizeHint: source.count)
    }

    /// Each heading's `id` in document order, as `html(reservedIDs:)` gives them.
    public func headingIDs(reservedIDs: Set<String> = []) -> [String] {
        guard let tree else { return [] }
        return HeadingIDs.all(in: tree.root, reserved: reservedIDs)
    }

    public var plainText: String { String(decoding: plainTextUTF8, as: UTF8.self) }
    /// `plainText` as UTF-8 bytes (a calendar escapes them straight into its lines).
    /// (Reserved at the Markdown's size, which it seldom passes: only smart punctuation grows it.)
    public var plainTextUTF8: [UInt8] { tree?.root.plainTextUTF8(depth: 0, sizeHint: source.count) ?? [] }
    public var firstParagraph: String? { tree?.root.firstParagraph(depth: 0) }
}
