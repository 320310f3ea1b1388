import CCmark

/// Parses CommonMark with libcmark: source positions and smart punctuation on, raw HTML never
/// trusted (cmark's safe default). With `CmarkNode`, the only code that touches cmark's C API.
public enum MarkdownParser {
    /// How deep nodes may nest (a list in a list is two levels: list and item). The tree is
    /// rendered and searched recursively, so a body of ten thousand nested quotes (`> > > …`)
    /// is refused by the loader, and what lies deeper is left out by every walk; real text
    /// nests a handful of levels.
    public static let maximumDepth = 100

    /// The tree, with its link and image nodes in document order, and where nesting first went
    /// beyond `maximumDepth` (both found on one walk: a second walk of the tree for the links
    /// alone was over 1% of a build). Past a nesting too deep, the walk stops: such a text is
    /// refused.
    /// - Parameter validatesUTF8: cmark replaces invalid UTF-8 sequences, checking every line;
    ///   false only for bytes known to be valid (a Swift String's, or a file's that was checked),
    ///   where the check was a sixth of the parse.
    static func parse(_ utf8: UnsafeBufferPointer<UInt8>, validatesUTF8: Bool = true) -> (
        tree: CmarkTree?, tooDeep: SourcePosition?
    ) {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_SMART | (validatesUTF8 ? CMARK_OPT_VALIDATE_UTF8 : 0)
        // cmark reads the bytes and keeps none.
        let root: OpaquePointer? = utf8.withMemoryRebound(to: CChar.self) { chars in
            var empty: CChar = 0
            guard let start = chars.baseAddress else { return cmark_parse_document(&empty, 0, options) }
            return cmark_parse_document(start, chars.count, options)
        }
        guard let root else { return (nil, nil) }
        let walked = walk(root)
        return (CmarkTree(root: root, links: walked.links), walked.tooDeep)
    }

    /// The first node, in document order, entered with `maximumDepth` containers open around
    /// it (the document is the first), and the links and images before it: found with cmark's
    /// iterator, which needs no recursion.
    private static func walk(_ root: OpaquePointer) -> (tooDeep: SourcePosition?, links: [CmarkNode]) {
        var links: [CmarkNode] = []
        guard let iterator = cmark_iter_new(root) else { return (nil, links) }
        defer { cmark_iter_free(iterator) }
        var open = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return (nil, links) }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER {
                if open >= maximumDepth { return (CmarkNode(pointer: node).position, links) }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { links.append(CmarkNode(pointer: node)) }
                if canContainChildren(type) { open += 1 }
            } else if event == CMARK_EVENT_EXIT {
                open -= 1
            }
        }
    }

    /// cmark's iterator sends ENTER and EXIT for container types even when they are empty, and
    /// only ENTER for leaves; this mirrors its `S_is_leaf` rule.
    private static func canContainChildren(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK,
            CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
            CMARK_NODE_HTML_INLINE:
            return false
        default:
            return true
        }
    }
}
