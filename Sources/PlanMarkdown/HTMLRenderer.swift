/// Renders the owned tree as HTML5, in cmark's shape, with what cmark's renderer cannot do:
/// heading ids, headings shifted under the page's `h1`, links rewritten by the caller, and
/// raw HTML and unsafe URLs dropped.
public struct HTMLRenderer {
    /// Turns a link destination into the href to write; nil drops the link (its text stays).
    public typealias LinkRewriter = (String) -> String?

    private let rewrite: LinkRewriter
    private let topHeadingLevel: Int
    private var anchors: HeadingAnchors
    private var output = ""
    private var levelShift = 0

    /// - Parameters:
    ///   - topHeadingLevel: the level the document's highest heading is rendered at.
    ///   - reservedIDs: ids used elsewhere on the page, never given to a heading.
    ///   - rewrite: maps each safe link or image destination to its final href.
    public init(topHeadingLevel: Int = 2, reservedIDs: Set<String> = [], rewrite: @escaping LinkRewriter = { $0 }) {
        self.rewrite = rewrite
        self.topHeadingLevel = topHeadingLevel
        self.anchors = HeadingAnchors(reserved: reservedIDs)
    }

    public mutating func render(_ document: MarkdownNode) -> String {
        output = ""
        if let highest = document.highestHeadingLevel {
            levelShift = topHeadingLevel - highest
        }
        renderBlock(document, tight: false)
        return output
    }

    private mutating func renderChildren(_ node: MarkdownNode, tight: Bool) {
        for child in node.children { renderBlock(child, tight: tight) }
    }

    private mutating func renderBlock(_ node: MarkdownNode, tight: Bool) {
        switch node.kind {
        case .document, .other:
            renderChildren(node, tight: tight)
        case .blockQuote:
            newLine()
            output += "<blockquote>\n"
            renderChildren(node, tight: false)
            newLine()
            output += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            newLine()
            if ordered {
                output += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                output += "<ul>\n"
            }
            renderChildren(node, tight: isTight)
            newLine()
            output += ordered ? "</ol>\n" : "</ul>\n"
        case .item:
            newLine()
            output += "<li>"
            renderChildren(node, tight: tight)
            output += "</li>\n"
        case .codeBlock(let info, let literal):
            newLine()
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            output += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.escape(language))\">"
            output += HTMLEscaping.escape(literal) + "</code></pre>\n"
        case .htmlBlock, .htmlInline:
            // Raw HTML is never passed through (CONTENT.md: cmark's safe default, kept on).
            break
        case .paragraph:
            if tight {
                renderInlines(node)
            } else {
                newLine()
                output += "<p>"
                renderInlines(node)
                output += "</p>\n"
            }
        case .heading(let level):
            let shown = min(6, max(1, level + levelShift))
            let id = anchors.anchor(for: node.plainText)
            newLine()
            output += "<h\(shown) id=\"\(HTMLEscaping.escape(id))\">"
            renderInlines(node)
            output += "</h\(shown)>\n"
        case .thematicBreak:
            newLine()
            output += "<hr>\n"
        default:
            renderInline(node)
        }
    }

    /// cmark's `cr()`: start a block on a new line unless the output is already at one.
    private mutating func newLine() {
        // On the last byte: `hasSuffix` compares Characters, with Unicode's rules, each block.
        if let last = output.utf8.last, last != UInt8(ascii: "\n") { output += "\n" }
    }

    private mutating func renderInlines(_ node: MarkdownNode) {
        for child in node.children { renderInline(child) }
    }

    private mutating func renderInline(_ node: MarkdownNode) {
        switch node.kind {
        case .text(let text): output += HTMLEscaping.escape(text)
        case .softBreak: output += "\n"
        case .lineBreak: output += "<br>\n"
        case .code(let code): output += "<code>" + HTMLEscaping.escape(code) + "</code>"
        case .emphasis:
            output += "<em>"
            renderInlines(node)
            output += "</em>"
        case .strong:
            output += "<strong>"
            renderInlines(node)
            output += "</strong>"
        case .link(let url, let title):
            guard URLSafety.isSafe(url), let href = rewrite(url) else {
                renderInlines(node)
                return
            }
            output += "<a href=\"\(HTMLEscaping.escapeURL(href))\""
            if !title.isEmpty { output += " title=\"\(HTMLEscaping.escape(title))\"" }
            output += ">"
            renderInlines(node)
            output += "</a>"
        case .image(let url, let title):
            let alt = HTMLEscaping.escape(node.plainText)
            guard URLSafety.isSafe(url), let src = rewrite(url) else {
                output += alt
                return
            }
            output += "<img src=\"\(HTMLEscaping.escapeURL(src))\" alt=\"\(alt)\""
            if !title.isEmpty { output += " title=\"\(HTMLEscaping.escape(title))\"" }
            output += ">"
        case .htmlInline, .htmlBlock: break
        default: renderInlines(node)
        }
    }
}

extension MarkdownNode {
    /// The smallest heading level used (1 = `#`), or nil when the document has no heading.
    var highestHeadingLevel: Int? {
        var best: Int?
        if case .heading(let level) = kind { best = level }
        for child in children {
            if let level = child.highestHeadingLevel { best = min(best ?? level, level) }
        }
        return best
    }
}
