import PlanMarkdown

/// Walks a template's tree against a view and writes the page into one byte buffer.
///
/// Names are looked up as swift-mustache did: in the innermost value a section pushed, then
/// outwards to the page's view; a nil optional counts as absent, so the lookup goes on
/// outwards; a dotted name's first part is looked up so, and the rest inside what it found.
/// A section renders its content once for `true`, for each item of a list, and once with the
/// value pushed for anything else present (an empty string and 0 included); an inverted
/// section renders for a missing or nil value, `false` and an empty list.
struct TemplateRenderer {
    private let library: TemplateLibrary
    /// The page, as it grows.
    private(set) var output: [UInt8] = []
    /// The values sections pushed, the page's view first.
    private var stack: [TemplateValue]
    /// Blocks given by the parent tags being rendered, the outermost winning.
    private var overrides: [String: [TemplateNode]] = [:]
    /// Put before each line of template text inside an indented (standalone) partial or block.
    private var indentation: [UInt8] = []
    /// Nothing written yet, or the last byte written ended a line of template text: the next
    /// output is indented (a standalone block's tag leaves no whitespace of its own).
    private var atLineStart = true
    /// `{{% CONTENT_TYPE: TEXT }}` turns HTML escaping of `{{x}}` off.
    private var escapesHTML = true
    private var partialDepth = 0

    /// Deeper than this is a partial including itself without end.
    static let maximumPartialDepth = 100

    init(library: TemplateLibrary, root: any TemplateView) {
        self.library = library
        self.stack = [.view(root)]
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [TemplateNode]) throws {
        // A pragma holds to the end of the section (or template) it is in.
        let escapes = escapesHTML
        defer { escapesHTML = escapes }
        // By index: a node taken out of the array (`for node in nodes`) was copied whole and
        // destroyed again for each node of each page, 1.5% of a build.
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let bytes):
                writeTemplateText(bytes)

            case .variable(let name, let escaped, let at):
                switch lookUp(name) {
                case .text(let text):
                    guard !text.isEmpty else { break }
                    beginOutput()
                    if escaped && escapesHTML {
                        HTMLEscaping.escape(text, into: &output)
                    } else {
                        output.append(contentsOf: text.utf8)
                    }
                case .html(let bytes):
                    guard !bytes.isEmpty else { break }
                    beginOutput()
                    if escaped && escapesHTML {
                        bytes.withUnsafeBufferPointer { HTMLEscaping.escape($0, into: &output) }
                    } else {
                        output.append(contentsOf: bytes)
                    }
                case .number(let number):
                    beginOutput()
                    output.append(contentsOf: String(number).utf8)
                case .bool(let bool):
                    beginOutput()
                    output.append(contentsOf: (bool ? "true" : "false").utf8)
                case .nothing:
                    break
                case .list:
                    throw problem(
                        at,
                        "{{\(name)}} is a list, which cannot be printed: "
                            + "repeat a part of the page for each item with {{#\(name)}}…{{/\(name)}}"
                    )
                case .view:
                    throw problem(
                        at,
                        "{{\(name)}} is a group of values, which cannot be printed: "
                            + "print one of them ({{\(name).NAME}}) or use {{#\(name)}}…{{/\(name)}}"
                    )
                }

            case .section(let name, let inverted, let body, _):
                let value = lookUp(name)
                if inverted {
                    switch value {
                    case .nothing, .bool(false): try render(body)
                    case .list(let list) where list.count == 0: try render(body)
                    default: break
                    }
                    continue
                }
                switch value {
                case .nothing, .bool(false):
                    break
                case .bool(true):
                    try render(body)
                case .list(let list):
                    for index in 0..<list.count {
                        stack.append(list.templateValue(at: index))
                        try render(body)
                        stack.removeLast()
                    }
                case .text, .html, .number, .view:
                    stack.append(value)
                    try render(body)
                    stack.removeLast()
                }

            case .partial(let partial):
                guard partialDepth < Self.maximumPartialDepth else {
                    throw problem(
                        partial.at,
                        "partials are nested more than \(Self.maximumPartialDepth) deep: "
                            + "does '\(partial.name)' include itself without end?"
                    )
                }
                let saved = (indentation, overrides, escapesHTML)
                if let more = partial.indentation { indentation += more }
                if let given = partial.overrides, !given.isEmpty {
                    overrides = overrides.isEmpty ? given : overrides.merging(given) { outer, _ in outer }
                }
                // Each template starts escaping for HTML, whatever the one including it set.
                escapesHTML = true
                partialDepth += 1
                try render(library.templates[partial.index].nodes)
                partialDepth -= 1
                (indentation, overrides, escapesHTML) = saved

            case .block(let name, let defaultBody, let blockIndentation, _):
                let body = overrides[name] ?? defaultBody
                if blockIndentation.isEmpty {
                    try render(body)
                } else {
                    let saved = indentation
                    indentation += blockIndentation
                    try render(body)
                    indentation = saved
                }

            case .contentType(let escapes):
                escapesHTML = escapes
            }
        }
    }

    /// The value of a name: `.` is the innermost value; anything else is looked for from the innermost view out.
    private func lookUp(_ name: TemplateName) -> TemplateValue {
        if name.isImplicit { return stack[stack.count - 1] }
        var index = stack.count - 1
        while index >= 0 {
            if case .view(let view) = stack[index], let found = view.value(of: name, at: 0) { return found }
            index -= 1
        }
        return .nothing
    }

    /// Inside an indented partial, output that starts a line of template text is indented.
    @inline(__always)
    private mutating func beginOutput() {
        if atLineStart {
            atLineStart = false
            output.append(contentsOf: indentation)
        }
    }

    private mutating func writeTemplateText(_ bytes: [UInt8]) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: bytes)
            atLineStart = bytes.last == UInt8(ascii: "\n")
            return
        }
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
            beginOutput()
            output.append(contentsOf: bytes[start..<end])
            atLineStart = bytes[end - 1] == UInt8(ascii: "\n")
            start = end
        }
    }

    private func problem(_ at: TemplatePosition, _ message: String) -> Diagnostic {
        .error(SourceLocation(path: library.templates[at.template].path, line: at.line, column: at.column), message)
    }
}
