import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `XMLParser`'s delegate for `SVGCheck`: judges each element, attribute and stylesheet as
/// the parser reads them (values with their entities decoded), and places each problem by the
/// markup scan (the n-th element the parser starts is the n-th start tag in the file).
final class SVGReader: NSObject, XMLParserDelegate {
    private(set) var problems: [SVGProblem] = []
    private(set) var width: Double?
    private(set) var height: Double?

    private let scan: SVGMarkupScan
    private let positions: SourcePositions
    private var elementCount = 0
    /// The elements started and not yet ended, innermost last.
    private var open: [String] = []
    private var failed = false
    /// The text of the `<style>` element being read, and its start tag.
    private var styleText: String?
    private var styleTag: SVGMarkupScan.Tag?

    static let svgNamespace = "http://www.w3.org/2000/svg"
    static let htmlNamespace = "http://www.w3.org/1999/xhtml"

    init(scan: SVGMarkupScan, positions: SourcePositions) {
        self.scan = scan
        self.positions = positions
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        let tag = elementCount < scan.tags.count ? scan.tags[elementCount] : nil
        elementCount += 1
        let lowered = name.lowercased(), shown = qualifiedName ?? name
        open.append(shown)
        let place = tag.map { positions.at($0.offset) } ?? (line: parser.lineNumber, column: parser.columnNumber)
        func refuse(_ message: String) { problems.append(SVGProblem(line: place.0, column: place.1, message: message)) }
        if elementCount == 1 {
            if name != "svg" || namespaceURI != Self.svgNamespace {
                refuse("not an SVG image: the root element is <\(shown)>, not <svg> in the SVG namespace")
            }
            (width, height) = SVGSize.of(attributes)
        }
        if lowered == "script" { refuse("scripts are not allowed (<\(shown)>)") }
        if lowered == "foreignobject" { refuse("<foreignObject> is not allowed: it embeds HTML") }
        if namespaceURI == Self.htmlNamespace && lowered != "script" {
            refuse("HTML elements are not allowed (<\(shown)>)")
        }
        for (attribute, value) in Self.ordered(attributes, by: tag) {
            let offset = tag?.attributes.first { $0.name == attribute }?.offset
            let at = offset.map { positions.at($0) } ?? place
            for message in SVGRules.problems(attribute: attribute, value: value, element: lowered) {
                problems.append(SVGProblem(line: at.line, column: at.column, message: message))
            }
        }
        if lowered == "style" {
            styleText = ""
            styleTag = tag
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        styleText? += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        styleText? += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
        guard name.lowercased() == "style", let text = styleText else { return }
        let place = styleTag.map { positions.at($0.end) } ?? (line: parser.lineNumber, column: parser.columnNumber)
        for message in SVGRules.styleProblems(text) {
            problems.append(SVGProblem(line: place.0, column: place.1, message: message))
        }
        styleText = nil
        styleTag = nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard !failed else { return }
        let code = (parseError as NSError).code
        // Left open at the end of the file: said by `finish`, with the element's name.
        if code == SVGParseErrors.documentEnd && !open.isEmpty { return }
        failed = true
        problems.append(
            SVGProblem(
                line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1),
                message: "not well-formed XML: \(SVGParseErrors.describe(code))"))
        parser.abortParsing()
    }

    /// After parsing: an element left open, or no element at all, is an error at `end`.
    func finish(at end: (line: Int, column: Int)) {
        guard !failed else { return }
        if let innermost = open.last {
            problems.append(
                SVGProblem(
                    line: end.line, column: end.column,
                    message: "not well-formed XML: <\(innermost)> is not closed"))
        } else if elementCount == 0 {
            problems.append(SVGProblem(line: end.line, column: end.column, message: "not well-formed XML: no element"))
        }
    }

    /// The attributes in the order written (the parser's dictionary has none), so the
    /// problems of one tag come out in the same order in every run.
    private static func ordered(_ attributes: [String: String], by tag: SVGMarkupScan.Tag?) -> [(String, String)] {
        let written = tag?.attributes.map(\.name) ?? []
        let known = written.compactMap { name in attributes[name].map { (name, $0) } }
        let rest = attributes.filter { !written.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return known + rest
    }
}
