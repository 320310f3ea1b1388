import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML document (or a well-formed piece of a page: an inline SVG, a table) read by
/// Foundation's `XMLParser` into a tree the tests can walk. Nil when the text is not well formed.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLTree] = []
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    static func parse(_ text: String) -> XMLTree? {
        let reader = Reader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        guard parser.parse(), let root = reader.root else { return nil }
        return root
    }

    /// Every element below this one (and itself), in document order.
    var all: [XMLTree] { [self] + children.flatMap(\.all) }

    func all(_ name: String) -> [XMLTree] { all.filter { $0.name == name } }

    /// The text of this element and every element below it.
    var wholeText: String { text + children.map(\.wholeText).joined() }

    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

    private final class Reader: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var open: [XMLTree] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            let element = XMLTree(name: name, attributes: attributes)
            if let parent = open.last { parent.children.append(element) } else { root = element }
            open.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            open.last?.text += string
        }
    }
}
