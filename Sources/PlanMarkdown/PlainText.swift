/// The text a reader sees, without markup: for alt text, heading ids, summaries and calendar
/// descriptions. Blocks are separated by blank lines. Every walk here leaves out what nests
/// deeper than `MarkdownParser.maximumDepth` (`depth` is the node's: the document's is 0).
extension CmarkNode {
    func plainText(depth: Int) -> String {
        String(decoding: plainTextUTF8(depth: depth), as: UTF8.self)
    }

    func plainTextUTF8(depth: Int, sizeHint: Int = 0) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(sizeHint)
        appendPlainText(to: &text, depth: depth)
        return text
    }

    /// Written into one buffer: building each node's text and joining them made a string per
    /// node, and a calendar takes the plain text of every body in every language.
    private func appendPlainText(to text: inout [UInt8], depth: Int) {
        switch kind {
        case .text, .code: text.append(contentsOf: literal)
        case .codeBlock: text.append(contentsOf: Self.withoutFinalNewLine(literal))
        case .softBreak: text.append(UInt8(ascii: " "))
        case .lineBreak: text.append(UInt8(ascii: "\n"))
        case .htmlBlock, .htmlInline, .thematicBreak: break
        case .heading where depth + 1 < MarkdownParser.maximumDepth && HeadingIDs.explicit(of: self) != nil:
            // Without its `{#id}` marker (`HeadingIDs`).
            let explicit = HeadingIDs.explicit(of: self)!
            var left = explicit.shownBytes
            for (index, child) in children.enumerated() {
                guard index >= explicit.firstTrailing else {
                    child.appendPlainText(to: &text, depth: depth + 1)
                    continue
                }
                let shown = min(left, child.literal.count)
                text.append(contentsOf: UnsafeBufferPointer(rebasing: child.literal[..<shown]))
                left -= shown
            }
        case .document, .blockQuote, .list, .item:
            guard depth + 1 < MarkdownParser.maximumDepth else { return }
            var first = true
            for child in children where child.hasPlainText(depth: depth + 1) {
                if !first { text.append(contentsOf: [UInt8(ascii: "\n"), UInt8(ascii: "\n")]) }
                child.appendPlainText(to: &text, depth: depth + 1)
                first = false
            }
        default:
            guard depth + 1 < MarkdownParser.maximumDepth else { return }
            for child in children { child.appendPlainText(to: &text, depth: depth + 1) }
        }
    }

    /// Whether `plainText` is not empty, found without making it.
    private func hasPlainText(depth: Int) -> Bool {
        switch kind {
        case .text, .code: return !literal.isEmpty
        case .codeBlock: return !Self.withoutFinalNewLine(literal).isEmpty
        case .softBreak, .lineBreak: return true
        case .htmlBlock, .htmlInline, .thematicBreak: return false
        default:
            guard depth + 1 < MarkdownParser.maximumDepth else { return false }
            return children.contains { $0.hasPlainText(depth: depth + 1) }
        }
    }

    private static func withoutFinalNewLine(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        bytes.last == UInt8(ascii: "\n") ? UnsafeBufferPointer(rebasing: bytes.dropLast()) : bytes
    }

    /// The first paragraph, in document order, as plain text, or nil when there is none.
    func firstParagraph(depth: Int) -> String? {
        if kind == .paragraph { return plainText(depth: depth) }
        guard depth + 1 < MarkdownParser.maximumDepth else { return nil }
        for child in children {
            if let found = child.firstParagraph(depth: depth + 1) { return found }
        }
        return nil
    }

    /// The smallest heading level used (1 = `#`), or nil when there is no heading.
    func highestHeadingLevel(depth: Int) -> Int? {
        switch kind {
        case .heading: return headingLevel
        // Headings are blocks: only block containers hold them.
        case .document, .blockQuote, .list, .item: break
        default: return nil
        }
        guard depth + 1 < MarkdownParser.maximumDepth else { return nil }
        var best: Int?
        for child in children {
            if let level = child.highestHeadingLevel(depth: depth + 1) { best = min(best ?? level, level) }
        }
        return best
    }
}
