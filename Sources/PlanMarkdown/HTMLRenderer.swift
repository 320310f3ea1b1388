/// Renders cmark's tree as HTML5, in cmark's shape, with what cmark's renderer cannot do:
/// heading ids, headings shifted under the page's `h1`, links rewritten by the caller, and
/// raw HTML and unsafe URLs dropped. It writes bytes, straight from cmark's literals.
public struct HTMLRenderer {
    /// Turns a link destination into the href to write; nil drops the link (its text stays).
    public typealias LinkRewriter = (String) -> String?

    private let rewrite: LinkRewriter
    private let hooks: RenderHooks
    private let topHeadingLevel: Int
    private var anchors: HeadingAnchors
    private var output: [UInt8] = []
    private var levelShift = 0

    /// - Parameters:
    ///   - topHeadingLevel: the level the document's highest heading is rendered at.
    ///   - reservedIDs: ids used elsewhere on the page, never given to a heading.
    ///   - rewrite: maps each safe link or image destination to its final href.
    public init(
        topHeadingLevel: Int = 2, reservedIDs: Set<String> = [], hooks: RenderHooks = RenderHooks(),
        rewrite: @escaping LinkRewriter = { $0 }
    ) {
        self.rewrite = rewrite
        self.hooks = hooks
        self.topHeadingLevel = topHeadingLevel
        self.anchors = HeadingAnchors(reserved: reservedIDs)
    }

    /// The document as HTML; `sizeHint` is the length of its Markdown, to size the buffer once.
    mutating func render(_ document: CmarkNode, sizeHint: Int) -> [UInt8] {
        output = []
        output.reserveCapacity(sizeHint + sizeHint / 4 + 64)
        if let highest = document.highestHeadingLevel(depth: 0) {
            levelShift = topHeadingLevel - highest
        }
        renderBlock(document, tight: false, depth: 0)
        return output
    }

    /// Children deeper than `MarkdownParser.maximumDepth` are left out, as every walk does.
    private mutating func renderChildren(_ node: CmarkNode, tight: Bool, depth: Int) {
        guard depth + 1 < MarkdownParser.maximumDepth else { return }
        for child in node.children { renderBlock(child, tight: tight, depth: depth + 1) }
    }

    private mutating func renderBlock(_ node: CmarkNode, tight: Bool, depth: Int) {
        switch node.kind {
        case .document, .other:
            renderChildren(node, tight: tight, depth: depth)
        case .blockQuote:
            newLine()
            append("<blockquote>\n")
            renderChildren(node, tight: false, depth: depth)
            newLine()
            append("</blockquote>\n")
        case .list:
            newLine()
            let ordered = node.isOrderedList
            if ordered {
                let start = node.listStart
                append(start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n")
            } else {
                append("<ul>\n")
            }
            renderChildren(node, tight: node.isTightList, depth: depth)
            newLine()
            append(ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            newLine()
            append("<li>")
            renderChildren(node, tight: tight, depth: depth)
            append("</li>\n")
        case .codeBlock:
            newLine()
            let language = node.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
            if language.isEmpty {
                append("<pre><code>")
            } else {
                append("<pre><code class=\"language-")
                HTMLEscaping.escape(language, into: &output)
                append("\">")
            }
            HTMLEscaping.escape(node.literal, into: &output)
            append("</code></pre>\n")
        case .htmlBlock, .htmlInline:
            // Raw HTML is never passed through (CONTENT.md: cmark's safe default, kept on).
            break
        case .paragraph:
            if let figure = aloneImage(node, depth: depth) {
                newLine()
                append(figure)
                newLine()
            } else if tight {
                renderInlines(node, depth: depth)
            } else {
                newLine()
                append("<p>")
                renderInlines(node, depth: depth)
                append("</p>\n")
            }
        case .heading:
            let shown = min(6, max(1, node.headingLevel + levelShift))
            let (id, explicit) = HeadingIDs.id(of: node, depth: depth, anchors: &anchors)
            newLine()
            append("<h\(shown) id=\"")
            HTMLEscaping.escape(id, into: &output)
            append("\">")
            if let explicit {
                renderHeadingText(node, without: explicit, depth: depth)
            } else {
                renderInlines(node, depth: depth)
            }
            append("</h\(shown)>\n")
        case .thematicBreak:
            newLine()
            append("<hr>\n")
        default:
            renderInline(node, depth: depth)
        }
    }

    /// cmark's `cr()`: start a block on a new line unless the output is already at one.
    private mutating func newLine() {
        if let last = output.last, last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
    }

    private mutating func append(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func renderInlines(_ node: CmarkNode, depth: Int) {
        guard depth + 1 < MarkdownParser.maximumDepth else { return }
        for child in node.children { renderInline(child, depth: depth + 1) }
    }

    /// A heading's text without its `{#id}` marker (`HeadingIDs`): the inlines before its
    /// trailing text nodes as they are, then as many of those nodes' bytes as are its text.
    private mutating func renderHeadingText(_ heading: CmarkNode, without explicit: HeadingIDs.Explicit, depth: Int) {
        guard depth + 1 < MarkdownParser.maximumDepth else { return }
        var left = explicit.shownBytes
        for (index, child) in heading.children.enumerated() {
            guard index >= explicit.firstTrailing else {
                renderInline(child, depth: depth + 1)
                continue
            }
            let literal = child.literal
            let shown = min(left, literal.count)
            HTMLEscaping.escape(UnsafeBufferPointer(rebasing: literal[..<shown]), into: &output)
            left -= shown
        }
    }

    private mutating func renderInline(_ node: CmarkNode, depth: Int) {
        switch node.kind {
        case .text: HTMLEscaping.escape(node.literal, into: &output)
        case .softBreak: append("\n")
        case .lineBreak: append("<br>\n")
        case .code:
            append("<code>")
            HTMLEscaping.escape(node.literal, into: &output)
            append("</code>")
        case .emphasis:
            append("<em>")
            renderInlines(node, depth: depth)
            append("</em>")
        case .strong:
            append("<strong>")
            renderInlines(node, depth: depth)
            append("</strong>")
        case .link:
            let url = node.url
            guard URLSafety.isSafe(url), let href = rewrite(url) else {
                renderInlines(node, depth: depth)
                return
            }
            let language = hooks.linkLanguage?(url)
            append("<a href=\"")
            append(HTMLEscaping.escapeURL(href))
            append("\"")
            if let language {
                append(" hreflang=\"")
                HTMLEscaping.escape(language.code, into: &output)
                append("\"")
            }
            appendTitle(node.title)
            append(">")
            renderInlines(node, depth: depth)
            append("</a>")
            if let language {
                append(" <span class=\"link-language\" lang=\"")
                HTMLEscaping.escape(language.noteLanguage, into: &output)
                append("\">(")
                HTMLEscaping.escape(language.note, into: &output)
                append(")</span>")
            }
        case .image:
            let url = node.url
            let alt = node.plainText(depth: depth)
            if URLSafety.isSafe(url),
                let html = hooks.image?(MarkdownImage(url: url, alt: alt, title: node.title, alone: false))
            {
                append(html)
                return
            }
            guard URLSafety.isSafe(url), let src = rewrite(url) else {
                HTMLEscaping.escape(alt, into: &output)
                return
            }
            append("<img src=\"")
            append(HTMLEscaping.escapeURL(src))
            append("\" alt=\"")
            HTMLEscaping.escape(alt, into: &output)
            append("\"")
            appendTitle(node.title)
            append(">")
        case .htmlInline, .htmlBlock: break
        default: renderInlines(node, depth: depth)
        }
    }

    /// The caller's figure for a paragraph that holds one image and nothing else (spaces aside).
    private func aloneImage(_ paragraph: CmarkNode, depth: Int) -> String? {
        guard let hook = hooks.image, let image = paragraph.firstChild else { return nil }
        var only = image.kind == .image
        var next = image.next
        while only, let sibling = next {
            only = sibling.kind == .softBreak || (sibling.kind == .text && sibling.literal.allSatisfy { $0 == 0x20 })
            next = sibling.next
        }
        guard only, URLSafety.isSafe(image.url) else { return nil }
        let alt = image.plainText(depth: depth + 1)
        return hook(MarkdownImage(url: image.url, alt: alt, title: image.title, alone: true))
    }

    private mutating func appendTitle(_ title: String) {
        guard !title.isEmpty else { return }
        append(" title=\"")
        HTMLEscaping.escape(title, into: &output)
        append("\"")
    }
}
