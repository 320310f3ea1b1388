/// Reads a Mustache template (its UTF-8 bytes) into a tree of `TemplateNode`s.
///
/// Whitespace follows the spec: a section, inverted section, comment, partial, parent, block,
/// set-delimiters or pragma tag alone on its line ("standalone") takes the whole line away,
/// newline included; a standalone partial's indentation is put before each line it renders.
/// Where the spec leaves it open, this does what swift-mustache did, which rendered this theme
/// before: an empty string and the number 0 are true in a section, a nil value is looked up in
/// the enclosing views, the text in a parent tag outside its blocks is ignored, and a block's
/// first-line indentation is removed where it is defined and added where it is placed.
/// Anything else — lambdas, swift-mustache's `name(x)` transforms, dynamic names `{{>*x}}`,
/// other pragmas — is a syntax error with its line and column, never printed as nothing.
struct TemplateParser {
    private let bytes: [UInt8]
    private let template: Int
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private let lineStarts: [Int]

    /// The template's tree; `template` is its index in the library, kept in each tag's position.
    static func parse(_ bytes: [UInt8], template: Int) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: bytes, template: template)
        var scope = Scope()
        return try parser.parse(&scope)
    }

    private init(bytes: [UInt8], template: Int) {
        self.bytes = bytes
        self.template = template
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == Byte.newline { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    /// What a nested parse knows of where it is.
    private struct Scope {
        /// The tag that opened this scope, whose name its closing tag must repeat; nil at the top.
        var opening: (name: String, sigil: UInt8, offset: Int)? = nil
        /// Nothing but spaces and tabs so far on this line: a tag here may stand alone.
        var atLineStart = true
        /// Inside a parent tag `{{<name}}`.
        var inParent = false
        /// Directly inside it, where only blocks and (ignored) text may stand.
        var parentTopLevel = false
        /// Inside a block given in a parent tag: the first line's indentation, removed from every line.
        var definitionIndent: Int? = nil
    }

    /// Adjacent text merged into one node.
    private struct NodeList {
        var nodes: [TemplateNode] = []
        var text: [UInt8] = []

        mutating func append(text slice: ArraySlice<UInt8>) {
            text.append(contentsOf: slice)
        }

        mutating func append(_ node: TemplateNode) {
            flush()
            nodes.append(node)
        }

        mutating func finish() -> [TemplateNode] {
            flush()
            return nodes
        }

        private mutating func flush() {
            guard !text.isEmpty else { return }
            nodes.append(.text(text))
            text = []
        }
    }

    /// Parses until the scope's closing tag or the end. After a section, block or parent, the
    /// line is taken to start afresh when its opening tag stood alone (as swift-mustache does):
    /// so `{{/block}}{{/parent}}` alone on a line takes the line away, as the spec's
    /// inheritance cases want.
    private mutating func parse(_ scope: inout Scope) throws(TemplateSyntaxError) -> [TemplateNode] {
        var list = NodeList()
        // Spaces and tabs that start the line, held until it is known whether a tag stands alone.
        var whitespace: ArraySlice<UInt8> = []
        while position < bytes.count {
            if scope.atLineStart {
                let start = position
                while position < bytes.count, bytes[position] == Byte.space || bytes[position] == Byte.tab {
                    position += 1
                }
                let leading = bytes[start..<position]
                if let indent = scope.definitionIndent {
                    whitespace = leading.dropFirst(indent)
                } else if scope.inParent && !scope.parentTopLevel {
                    scope.definitionIndent = leading.count
                } else {
                    whitespace = leading
                }
            }
            let textStart = position
            let stop = scanText()
            let text = bytes[textStart..<(stop == .tag ? position - open.count : position)]
            if case .newline(let length) = stop {
                list.append(text: whitespace)
                list.append(text: text)
                list.append(text: bytes[position..<position + length])
                position += length
                whitespace = []
                scope.atLineStart = true
                continue
            }
            if !text.isEmpty {
                list.append(text: whitespace)
                list.append(text: text)
                whitespace = []
                scope.atLineStart = false
            }
            if stop == .end {
                list.append(text: whitespace)
                break
            }
            let tagStart = position - open.count
            guard position < bytes.count else { throw error(at: tagStart, "a tag is not closed with \(shown(close))") }
            let sigil = bytes[position]
            if scope.parentTopLevel && ![Byte.dollar, Byte.bang, Byte.equals, Byte.slash].contains(sigil) {
                throw error(
                    at: tagStart,
                    "only blocks ({{$name}}…{{/name}}) "
                        + "may stand inside a parent tag {{<\(scope.opening?.name ?? "")}}; text there is ignored"
                )
            }
            switch sigil {
            case Byte.hash, Byte.caret:
                position += 1
                let (name, text) = try readName(tagStart)
                let standalone = endsStandalone(scope)
                if !standalone { list.append(text: whitespace) }
                whitespace = []
                var inner = Scope(
                    opening: (text, sigil, tagStart), atLineStart: standalone, inParent: scope.inParent,
                    definitionIndent: scope.definitionIndent)
                let body = try parse(&inner)
                list.append(.section(name, inverted: sigil == Byte.caret, body: body, at: location(tagStart)))
                scope.atLineStart = standalone

            case Byte.slash:
                position += 1
                let nameOffset = position
                let (_, text) = try readName(tagStart)
                guard let opening = scope.opening else {
                    throw error(at: tagStart, "{{/\(text)}} closes no section: none is open here")
                }
                guard text == opening.name else {
                    let (line, _) = Self.lineAndColumn(of: opening.offset, in: bytes)
                    throw error(
                        at: nameOffset,
                        "a section is closed with another name than it was opened with: {{/\(text)}} closes "
                            + "{{\(Character(Unicode.Scalar(opening.sigil)))\(opening.name)}} of line \(line)"
                    )
                }
                if !endsStandalone(scope) { list.append(text: whitespace) }
                return list.finish()

            case Byte.bang:
                position += 1
                guard let end = find(close, from: position) else {
                    throw error(at: tagStart, "a comment is not closed with \(shown(close))")
                }
                position = end + close.count
                // The whitespace before it stays, for the text that follows on the line.
                scope.atLineStart = endsStandalone(scope)

            case Byte.openBrace, Byte.ampersand:
                list.append(text: whitespace)
                whitespace = []
                position += 1
                let (name, _) = try readName(
                    tagStart, closing: sigil == Byte.openBrace ? [Byte.closeBrace] + close : close)
                list.append(.variable(name, escaped: false, at: location(tagStart)))
                scope.atLineStart = false

            case Byte.greater:
                position += 1
                let name = try readPartialName(tagStart)
                list.append(text: whitespace)
                let standalone = endsStandalone(scope)
                list.append(
                    .partial(
                        TemplatePartial(
                            name: name, index: -1,
                            indentation: standalone && !whitespace.isEmpty ? Array(whitespace) : nil,
                            overrides: nil, at: location(tagStart))))
                whitespace = []
                scope.atLineStart = standalone

            case Byte.less:
                position += 1
                let name = try readPartialName(tagStart)
                list.append(text: whitespace)
                let standalone = endsStandalone(scope)
                // The parent's own line ends where its blocks begin: its closing tag may stand alone.
                var inner = Scope(
                    opening: (name, sigil, tagStart), atLineStart: true, inParent: true, parentTopLevel: true,
                    definitionIndent: scope.definitionIndent)
                let body = try parse(&inner)
                var overrides: [String: [TemplateNode]] = [:]
                for case .block(let block, let content, _, let at) in body {
                    guard overrides[block] == nil else {
                        throw TemplateSyntaxError(
                            offset: offset(of: at), message: "the block '\(block)' is given twice in {{<\(name)}}")
                    }
                    overrides[block] = content
                }
                list.append(
                    .partial(
                        TemplatePartial(
                            name: name, index: -1, indentation: whitespace.isEmpty ? nil : Array(whitespace),
                            overrides: overrides, at: location(tagStart))))
                whitespace = []
                scope.atLineStart = standalone

            case Byte.dollar:
                position += 1
                let (_, name) = try readName(tagStart)
                // A block given to the parent (directly inside `{{<parent}}`) replaces the parent's
                // block of that name and has no indentation of its own.
                let standalone = endsStandalone(scope)
                var inner = Scope(
                    opening: (name, sigil, tagStart), atLineStart: standalone, inParent: scope.inParent,
                    definitionIndent: scope.definitionIndent)
                var indentation: [UInt8] = []
                if !scope.parentTopLevel {
                    indentation = Array(whitespace)
                    if !standalone {
                        list.append(text: whitespace)
                    } else if let intrinsic = intrinsicIndentation(removing: scope.definitionIndent ?? 0) {
                        // Alone on its line with default content: the block is indented as that
                        // content's first line is ("intrinsic" indentation), which is taken off
                        // each default line and put back, for whatever fills it, where it renders.
                        indentation = intrinsic
                        inner.definitionIndent = (scope.definitionIndent ?? 0) + intrinsic.count
                    }
                }
                let body = try parse(&inner)
                list.append(.block(name, defaultBody: body, indentation: indentation, at: location(tagStart)))
                whitespace = []
                scope.atLineStart = standalone

            case Byte.equals:
                position += 1
                try readDelimiters(tagStart)
                scope.atLineStart = endsStandalone(scope)

            case Byte.percent:
                position += 1
                list.append(.contentType(escapesHTML: try readPragma(tagStart)))
                scope.atLineStart = endsStandalone(scope)

            default:
                list.append(text: whitespace)
                whitespace = []
                let (name, _) = try readName(tagStart)
                list.append(.variable(name, escaped: true, at: location(tagStart)))
                scope.atLineStart = false
            }
        }
        if let opening = scope.opening {
            let tag = "{{\(Character(Unicode.Scalar(opening.sigil)))\(opening.name)}}"
            throw error(at: opening.offset, "\(tag) is never closed: {{/\(opening.name)}} is missing")
        }
        return list.finish()
    }

    private enum Stop: Equatable {
        /// At a newline of this many bytes (`\n` or `\r\n`), not yet read.
        case newline(Int)
        /// Just after an opening delimiter.
        case tag
        case end
    }

    /// Reads text up to a newline, an opening delimiter (which it reads) or the end.
    private mutating func scanText() -> Stop {
        let first = open[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Byte.newline { return .newline(1) }
            if byte == Byte.carriageReturn && position + 1 < bytes.count && bytes[position + 1] == Byte.newline {
                return .newline(2)
            }
            if byte == first && matches(open, at: position) {
                position += open.count
                return .tag
            }
            position += 1
        }
        return .end
    }

    /// True when the tag just read is alone on its line: the line then ends (its newline is read) or the template does.
    private mutating func endsStandalone(_ scope: Scope) -> Bool {
        guard scope.atLineStart else { return false }
        if position == bytes.count { return true }
        var next = position
        while next < bytes.count, bytes[next] == Byte.space || bytes[next] == Byte.tab { next += 1 }
        if next < bytes.count && bytes[next] == Byte.newline {
            position = next + 1
            return true
        }
        if next + 1 < bytes.count && bytes[next] == Byte.carriageReturn && bytes[next + 1] == Byte.newline {
            position = next + 2
            return true
        }
        return false
    }

    /// The spaces and tabs that start the line at `position`, past the first `removing` of them
    /// (the indentation a block given to a parent loses): the indentation of a standalone
    /// block's default content. Nil when the line is blank or starts with a closing tag.
    private func intrinsicIndentation(removing: Int) -> [UInt8]? {
        var end = position
        while end < bytes.count, bytes[end] == Byte.space || bytes[end] == Byte.tab { end += 1 }
        guard end < bytes.count, bytes[end] != Byte.newline, bytes[end] != Byte.carriageReturn,
            !(matches(open, at: end) && end + open.count < bytes.count && bytes[end + open.count] == Byte.slash)
        else { return nil }
        return Array(bytes[min(position + removing, end)..<end])
    }

    // MARK: - Inside tags

    /// A variable's, section's or block's name, up to the closing delimiter; returns it parsed and as written.
    private mutating func readName(_ tagStart: Int, closing: [UInt8]? = nil) throws(TemplateSyntaxError) -> (
        TemplateName, String
    ) {
        let (text, start) = try readTagWord(tagStart, closing: closing ?? close)
        if text.isEmpty { throw error(at: tagStart, "a tag needs a name") }
        if let message = Self.problem(withName: text) { throw error(at: start, message) }
        return (TemplateName(text), text)
    }

    /// A partial's or parent's name: a template's file name without `.mustache`.
    private mutating func readPartialName(_ tagStart: Int) throws(TemplateSyntaxError) -> String {
        let (text, start) = try readTagWord(tagStart, closing: close)
        if text.isEmpty { throw error(at: tagStart, "a partial tag needs the name of a template") }
        if text.hasPrefix("*") {
            throw error(
                at: start, "dynamic partial names ({{>*\(text.dropFirst())}}) are not supported: name the template")
        }
        if let message = Self.problem(withName: text, partial: true) { throw error(at: start, message) }
        return text
    }

    /// What is wrong with a name, if anything.
    static func problem(withName text: String, partial: Bool = false) -> String? {
        if text.contains("(") || text.contains(")") {
            return "'\(text)': transforms such as name(value) are not supported"
        }
        if let first = text.utf8.first, Array("#^/!{}&><$=%*".utf8).contains(first) {
            return
                "'\(text)' is not a name: a tag's sign (such as # or /) must follow {{ directly, "
                + "and * (dynamic names) is not supported"
        }
        let allowed = partial ? "_-.?/" : "_-.?"
        for scalar in text.unicodeScalars
        where
            !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || allowed.unicodeScalars.contains(scalar))
        {
            return
                "'\(text)' is not a name: names are made of letters, digits, "
                + "\(allowed.map { "'\($0)'" }.joined(separator: ", ")); '\(scalar)' is not supported"
        }
        if !partial && text != "."
            && text.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        {
            return "'\(text)' is not a name: a dotted name has a name on each side of every dot"
        }
        return nil
    }

    /// The one word of a tag and the closing delimiter after it; returns the word and where it starts.
    private mutating func readTagWord(_ tagStart: Int, closing: [UInt8]) throws(TemplateSyntaxError) -> (String, Int) {
        skipWhitespace()
        let start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != closing[0] {
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(closing, at: position) else {
            if position >= bytes.count || text.isEmpty || bytes[position] == closing[0] {
                throw error(at: tagStart, "a tag is not closed with \(shown(closing))")
            }
            throw error(at: position, "a tag holds one name, closed with \(shown(closing)); this is not expected here")
        }
        position += closing.count
        return (text, start)
    }

    /// `{{=<% %>=}}`: new opening and closing delimiters for the rest of the template.
    private mutating func readDelimiters(_ tagStart: Int) throws(TemplateSyntaxError) {
        let usage = "a set-delimiters tag reads {{=<% %>=}}: two delimiters without spaces or '=' in them"
        skipWhitespace()
        var start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != Byte.equals {
            position += 1
        }
        let opening = Array(bytes[start..<position])
        skipWhitespace()
        start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != Byte.equals {
            position += 1
        }
        let closing = Array(bytes[start..<position])
        skipWhitespace()
        guard !opening.isEmpty, !closing.isEmpty, position < bytes.count, bytes[position] == Byte.equals,
            matches(close, at: position + 1)
        else { throw error(at: tagStart, usage) }
        position += 1 + close.count
        open = opening
        close = closing
    }

    /// `{{% CONTENT_TYPE: HTML }}` or `TEXT`: whether `{{x}}` escapes for HTML from here on.
    private mutating func readPragma(_ tagStart: Int) throws(TemplateSyntaxError) -> Bool {
        let usage = "a pragma reads {{% CONTENT_TYPE: HTML }} (or TEXT); no other is supported"
        func word() -> String {
            skipWhitespace()
            let start = position
            while position < bytes.count,
                bytes[position] == Byte.underscore || bytes[position] == Byte.dash
                    || (0x30...0x39).contains(bytes[position]) || (0x41...0x5A).contains(bytes[position])
                    || (0x61...0x7A).contains(bytes[position])
            {
                position += 1
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        let variable = word()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == Byte.colon else { throw error(at: tagStart, usage) }
        position += 1
        let value = word()
        skipWhitespace()
        guard matches(close, at: position) else { throw error(at: tagStart, usage) }
        position += close.count
        guard variable == "CONTENT_TYPE" else { throw error(at: tagStart, "unknown pragma '\(variable)': \(usage)") }
        switch value {
        case "HTML": return true
        case "TEXT": return false
        default: throw error(at: tagStart, "unknown content type '\(value)': \(usage)")
        }
    }

    // MARK: - Bytes

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == Byte.space || byte == Byte.tab || byte == Byte.newline || byte == Byte.carriageReturn
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= bytes.count else { return false }
        for index in delimiter.indices where bytes[offset + index] != delimiter[index] { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from offset: Int) -> Int? {
        var next = offset
        while next + delimiter.count <= bytes.count {
            if matches(delimiter, at: next) { return next }
            next += 1
        }
        return nil
    }

    private func shown(_ delimiter: [UInt8]) -> String { String(decoding: delimiter, as: UTF8.self) }

    private func location(_ offset: Int) -> TemplatePosition {
        // The line by binary search over the line starts; the column in characters.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = String(decoding: bytes[lineStarts[low]..<offset], as: UTF8.self).count + 1
        return TemplatePosition(template: template, line: low + 1, column: column)
    }

    private func offset(of position: TemplatePosition) -> Int {
        lineStarts[position.line - 1]
            + String(decoding: bytes[lineStarts[position.line - 1]...], as: UTF8.self)
            .prefix(position.column - 1).utf8.count
    }

    private func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        TemplateSyntaxError(offset: offset, message: message)
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.reduce(1) { $1 == Byte.newline ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: Byte.newline).map { $0 + 1 } ?? 0
        return (line, String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1)
    }
}

/// The ASCII bytes the parser looks for.
private enum Byte {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#")
    static let caret = UInt8(ascii: "^")
    static let slash = UInt8(ascii: "/")
    static let bang = UInt8(ascii: "!")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let ampersand = UInt8(ascii: "&")
    static let greater = UInt8(ascii: ">")
    static let less = UInt8(ascii: "<")
    static let dollar = UInt8(ascii: "$")
    static let equals = UInt8(ascii: "=")
    static let percent = UInt8(ascii: "%")
    static let colon = UInt8(ascii: ":")
    static let underscore = UInt8(ascii: "_")
    static let dash = UInt8(ascii: "-")
}
