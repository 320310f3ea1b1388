/// A position in a Markdown source, 1-based, in bytes for the column (as cmark counts).
public struct SourcePosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One node of a parsed Markdown document, owned by Swift: no C pointer outlives the parse.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
        /// Node kinds this module does not know (future cmark versions); rendered as their children.
        case other
    }

    public var kind: Kind
    public var position: SourcePosition
    public var children: [MarkdownNode]

    public init(kind: Kind, position: SourcePosition, children: [MarkdownNode] = []) {
        self.kind = kind
        self.position = position
        self.children = children
    }
}
