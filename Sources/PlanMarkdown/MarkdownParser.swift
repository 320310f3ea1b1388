import CCmark

/// Parses CommonMark with libcmark: source positions and smart punctuation on, raw HTML never
/// trusted (cmark's safe default). This file is the only one that touches cmark's C API.
public enum MarkdownParser {
    /// How deep nodes may nest (a list in a list is two levels: list and item). The Swift
    /// tree is rendered, searched and freed recursively, so a body of ten thousand nested
    /// quotes (`> > > …`) must not reach it whole; real text nests a handful of levels.
    public static let maximumDepth = 100

    /// The owned tree, and where nesting first went beyond `maximumDepth` (that part is left out).
    public static func parse(_ source: String) -> (root: MarkdownNode, tooDeep: SourcePosition?) {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        var utf8 = Array(source.utf8)
        let root: OpaquePointer? = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, options)
            }
        }
        guard let root else {
            return (MarkdownNode(kind: .document, position: SourcePosition(line: 1, column: 1)), nil)
        }
        defer { cmark_node_free(root) }
        return walk(root)
    }

    /// Walks the C tree once with cmark's iterator, building the owned tree on a stack.
    private static func walk(_ root: OpaquePointer) -> (root: MarkdownNode, tooDeep: SourcePosition?) {
        guard let iterator = cmark_iter_new(root) else {
            return (MarkdownNode(kind: .document, position: SourcePosition(line: 1, column: 1)), nil)
        }
        defer { cmark_iter_free(iterator) }
        var stack: [MarkdownNode] = []
        var finished: MarkdownNode?
        var tooDeep: SourcePosition?
        // Containers entered below the depth limit, skipped until the matching exits.
        var skipped = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isLeaf = !canContainChildren(type)
            if skipped > 0 || (event == CMARK_EVENT_ENTER && stack.count >= maximumDepth) {
                if tooDeep == nil { tooDeep = makeNode(node, type: type).position }
                if !isLeaf { skipped += event == CMARK_EVENT_ENTER ? 1 : -1 }
                continue
            }
            if event == CMARK_EVENT_ENTER {
                let owned = makeNode(node, type: type)
                if isLeaf {
                    append(owned, to: &stack, finished: &finished)
                } else {
                    stack.append(owned)
                }
            } else if event == CMARK_EVENT_EXIT {
                if let done = stack.popLast() {
                    append(done, to: &stack, finished: &finished)
                }
            }
        }
        while let open = stack.popLast() {
            append(open, to: &stack, finished: &finished)
        }
        return (finished ?? MarkdownNode(kind: .document, position: SourcePosition(line: 1, column: 1)), tooDeep)
    }

    private static func append(_ node: MarkdownNode, to stack: inout [MarkdownNode], finished: inout MarkdownNode?) {
        if stack.isEmpty {
            finished = node
        } else {
            stack[stack.count - 1].children.append(node)
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

    private static func makeNode(_ node: OpaquePointer, type: cmark_node_type) -> MarkdownNode {
        let position = SourcePosition(
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node))
        )
        return MarkdownNode(kind: kind(of: node, type: type), position: position)
    }

    private static func kind(of node: OpaquePointer, type: cmark_node_type) -> MarkdownNode.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0
            )
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal(node))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return .other
        }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
