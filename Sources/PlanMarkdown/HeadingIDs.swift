/// Each heading's `id`, found the one way the page's HTML and the link check both use.
///
/// A heading may name its id: `## Areas of cooperation {#cooperation}` (the convention of
/// Pandoc and kramdown). cmark has no attribute syntax, so the marker reaches the tree as the
/// heading's last text, plain text that cmark's safe mode keeps; it is taken off the heading
/// and becomes its id. Translations that give a heading the same explicit id can be linked to
/// with one fragment in every language. An id is ASCII lowercase letters and digits in words
/// joined by single hyphens (`[a-z0-9]+(-[a-z0-9]+)*`); anything else in braces stays text.
/// Without a marker the id is made from the heading's text (`HeadingAnchors.slug`).
enum HeadingIDs {
    /// A heading's explicit id, and how many bytes of its trailing text nodes (together) are
    /// its text, the marker and the spaces before it left out.
    struct Explicit {
        let id: String
        /// Children of the heading from this one on are its trailing text nodes.
        let firstTrailing: Int
        /// Bytes of those text nodes, together, to show.
        let shownBytes: Int
    }

    /// The explicit id of `heading`, if its text ends with a well-formed `{#id}` marker.
    static func explicit(of heading: CmarkNode) -> Explicit? {
        let children = Array(heading.children)
        var firstTrailing = children.count
        while firstTrailing > 0, children[firstTrailing - 1].kind == .text { firstTrailing -= 1 }
        guard firstTrailing < children.count else { return nil }
        var text: [UInt8] = []
        for child in children[firstTrailing...] { text.append(contentsOf: child.literal) }
        guard text.last == UInt8(ascii: "}"), let open = text.lastIndex(of: UInt8(ascii: "{")),
            open + 2 < text.count - 1, text[open + 1] == UInt8(ascii: "#")
        else { return nil }
        let id = text[(open + 2)..<(text.count - 1)]
        guard isWellFormed(id) else { return nil }
        var shown = open
        while shown > 0, text[shown - 1] == UInt8(ascii: " ") || text[shown - 1] == UInt8(ascii: "\t") { shown -= 1 }
        // A heading of nothing but a marker keeps it as its text: it would show nothing.
        guard shown > 0 || firstTrailing > 0 else { return nil }
        return Explicit(id: String(decoding: id, as: UTF8.self), firstTrailing: firstTrailing, shownBytes: shown)
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*`
    private static func isWellFormed(_ id: ArraySlice<UInt8>) -> Bool {
        var previousHyphen = true
        for byte in id {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousHyphen = false
            case UInt8(ascii: "-") where !previousHyphen:
                previousHyphen = true
            default:
                return false
            }
        }
        return !previousHyphen
    }

    /// The id of `heading` (at `depth`), given out by `anchors`.
    static func id(
        of heading: CmarkNode, depth: Int,
        anchors: inout HeadingAnchors
    ) -> (id: String, explicit: Explicit?) {
        if let explicit = explicit(of: heading) { return (anchors.anchor(base: explicit.id), explicit) }
        return (anchors.anchor(for: heading.plainText(depth: depth)), nil)
    }

    /// Every heading's id in document order, as `HTMLRenderer` gives them.
    static func all(in document: CmarkNode, reserved: Set<String>) -> [String] {
        var anchors = HeadingAnchors(reserved: reserved)
        var ids: [String] = []
        func walk(_ node: CmarkNode, depth: Int) {
            switch node.kind {
            case .heading:
                ids.append(id(of: node, depth: depth, anchors: &anchors).id)
            // The blocks `HTMLRenderer.renderBlock` goes into: only they hold headings.
            case .document, .other, .blockQuote, .list, .item:
                guard depth + 1 < MarkdownParser.maximumDepth else { return }
                for child in node.children { walk(child, depth: depth + 1) }
            default:
                return
            }
        }
        walk(document, depth: 0)
        return ids
    }
}
