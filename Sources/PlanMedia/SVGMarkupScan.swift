/// Where the markup of an SVG file is, found on its raw UTF-8 bytes: each start tag and its
/// attributes' names (in document order), the DOCTYPE's internal subset, processing
/// instructions. `XMLParser` says what the document means but not exactly where each thing
/// starts; this scan gives the positions for the messages.
struct SVGMarkupScan {
    struct Tag {
        let offset: Int
        let name: String
        /// Each attribute's name as written, and the offset of its first byte.
        let attributes: [(name: String, offset: Int)]
        /// The offset just after the tag's `>`.
        let end: Int
    }

    private(set) var tags: [Tag] = []
    /// The offset of a DOCTYPE that declares an internal subset (`[ … ]`), where entities live.
    private(set) var internalSubset: Int?
    /// Processing instructions other than the XML declaration: target and offset.
    private(set) var instructions: [(target: String, offset: Int)] = []

    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = 0
        while let open = next(UInt8(ascii: "<"), from: index) {
            index = scanMarkup(at: open)
        }
    }

    /// Scans the markup starting at `open` (a `<`) and returns the offset after it.
    private mutating func scanMarkup(at open: Int) -> Int {
        if hasPrefix("<!--", at: open) { return end(of: "-->", from: open + 4) }
        if hasPrefix("<![CDATA[", at: open) { return end(of: "]]>", from: open + 9) }
        if hasPrefix("<?", at: open) {
            let target = name(from: open + 2)
            if target.lowercased() != "xml" { instructions.append((target, open)) }
            return end(of: "?>", from: open + 2)
        }
        if hasPrefix("<!", at: open) { return scanDeclaration(at: open) }
        if hasPrefix("</", at: open) { return end(of: ">", from: open + 2) }
        return scanStartTag(at: open)
    }

    /// A DOCTYPE: notes an internal subset and skips to its closing `>`.
    private mutating func scanDeclaration(at open: Int) -> Int {
        var index = open + 2, quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                internalSubset = internalSubset ?? open
                return end(of: "]", from: index + 1)
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return index
    }

    private mutating func scanStartTag(at open: Int) -> Int {
        let tagName = name(from: open + 1)
        var index = open + 1 + tagName.utf8.count
        var attributes: [(String, Int)] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { index += 1; break }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = (next(byte, from: index + 1) ?? bytes.count - 1) + 1
                continue
            }
            if Self.isNameByte(byte) {
                let attribute = name(from: index)
                attributes.append((attribute, index))
                index += attribute.utf8.count
                continue
            }
            index += 1
        }
        tags.append(Tag(offset: open, name: tagName, attributes: attributes, end: index))
        return index
    }

    /// An XML name (its ASCII punctuation and any non-ASCII byte) starting at `start`.
    private func name(from start: Int) -> String {
        var index = start
        while index < bytes.count && Self.isNameByte(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"), UInt8(ascii: "_"),
            UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default: byte >= 0x80
        }
    }

    private func next(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: byte)
    }

    private func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
        let utf8 = Array(prefix.utf8)
        return offset + utf8.count <= bytes.count && bytes[offset..<offset + utf8.count].elementsEqual(utf8)
    }

    /// The offset just after the next `terminator` from `start`, or the end of the file.
    private func end(of terminator: String, from start: Int) -> Int {
        let utf8 = Array(terminator.utf8)
        var index = start
        while index + utf8.count <= bytes.count {
            if bytes[index] == utf8[0] && bytes[index..<index + utf8.count].elementsEqual(utf8) {
                return index + utf8.count
            }
            index += 1
        }
        return bytes.count
    }
}
