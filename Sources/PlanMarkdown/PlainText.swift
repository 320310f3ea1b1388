extension MarkdownNode {
    /// The text a reader sees, without markup: for alt text, heading ids, summaries and
    /// (later) calendar descriptions. Blocks are separated by blank lines.
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    /// Written into one string: building each node's text and joining them made a string per
    /// node, and a calendar takes the plain text of every body in every language.
    private func appendPlainText(to text: inout String) {
        switch kind {
        case .text(let own), .code(let own): text += own
        case .codeBlock(_, let literal): text += literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
        case .softBreak: text += " "
        case .lineBreak: text += "\n"
        case .htmlBlock, .htmlInline, .thematicBreak: break
        case .document, .blockQuote, .list, .item:
            var first = true
            for child in children where child.hasPlainText {
                if !first { text += "\n\n" }
                child.appendPlainText(to: &text)
                first = false
            }
        default:
            for child in children { child.appendPlainText(to: &text) }
        }
    }

    /// Whether `plainText` is not empty, found without making it.
    private var hasPlainText: Bool {
        switch kind {
        case .text(let own), .code(let own): return !own.isEmpty
        case .codeBlock(_, let literal): return !(literal.hasSuffix("\n") ? String(literal.dropLast()) : literal).isEmpty
        case .softBreak, .lineBreak: return true
        case .htmlBlock, .htmlInline, .thematicBreak: return false
        default: return children.contains { $0.hasPlainText }
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
