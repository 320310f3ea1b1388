/// Words for the errors of Foundation's XML parser, which on Linux gives only libxml2's
/// number for each (its `XMLParser.ErrorCode` names are shifted by one from those numbers,
/// so they are not used).
enum SVGParseErrors {
    /// libxml2's "extra content at the end" and "premature end", which share a number.
    static let documentEnd = 5

    static func describe(_ code: Int) -> String {
        switch code {
        case 4: "no element"
        case documentEnd: "text or a second element after the root element"
        case 9: "a character XML does not allow"
        case 23, 24, 26, 27: "an '&' that starts no entity XML defines (write &amp; for '&')"
        case 38: "'<' inside an attribute's value"
        case 39, 40: "an attribute's value is not in quotes"
        case 41: "an attribute without a value"
        case 42: "an attribute given twice"
        case 45: "a comment not closed by '-->'"
        case 64: "an XML declaration that is not at the start of the file"
        case 65, 68, 73, 77: "a tag that is not finished"
        case 76: "an end tag that does not match the element it closes"
        case 201: "a namespace prefix that is not declared"
        default: "XML parser error \(code)"
        }
    }
}
