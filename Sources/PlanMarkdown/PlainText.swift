extension MarkdownNode {
    /// The text a reader sees, without markup: for alt text, heading ids, summaries and
    /// (later) calendar descriptions. Blocks are separated by blank lines.
    public var plainText: String {
        switch kind {
        case .text(let text), .code(let text): return text
        case .codeBlock(_, let literal): return literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case .htmlBlock, .htmlInline, .thematicBreak: return ""
        case .document, .blockQuote, .list, .item:
            return children.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n\n")
        default:
            return children.map(\.plainText).joined()
        }
    }

    /// The first paragraph of the document, as plain text, or nil when it has none.
    public var firstParagraph: String? {
        if case .paragraph = kind { return plainText }
        for child in children {
            if let found = child.firstParagraph { return found }
        }
        return nil
    }

    /// Every link and image destination in the document, with where it was written.
    public var linkTargets: [(url: String, position: SourcePosition)] {
        var found: [(url: String, position: SourcePosition)] = []
        collectLinks(into: &found)
        return found
    }

    private func collectLinks(into found: inout [(url: String, position: SourcePosition)]) {
        switch kind {
        case .link(let url, _), .image(let url, _): found.append((url, position))
        default: break
        }
        for child in children { child.collectLinks(into: &found) }
    }
}
