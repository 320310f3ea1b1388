import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import XCTest

@testable import PlanSite

/// Nothing an editor writes reaches a page as markup (issue 5). `Fixtures/hostile-injection`
/// puts `<script>`, quotes, `&`, event handlers and javascript:, vbscript: and data: URLs in
/// titles, locations, summaries, organisation and language names, and raw HTML in every
/// Markdown body; the site is built and EVERY output file is read by its kind: pages by an
/// HTML tokenizer, XML (feeds, sitemap) by an XML parser, JSON by a JSON parser, calendars
/// line by line. A file of another kind fails the test, so a new output is never unchecked.
final class InjectionTests: XCTestCase {
    static let unsafeSchemes = ["javascript:", "vbscript:", "data:"]
    /// Attributes that hold a URL a browser follows or loads.
    static let urlAttributes = [
        "href", "src", "action", "formaction", "poster", "xlink:href", "srcset", "background", "cite"
    ]
    /// Elements neither the theme nor the Markdown renderer makes; raw HTML would.
    static let foreignElements = [
        "iframe", "svg", "math", "object", "embed", "style", "base", "form", "input", "button",
        "textarea", "frame", "frameset", "applet", "img", "b", "i", "script"
    ]

    private var site: TemporaryFolder!
    private var files: [String] = []

    override func setUpWithError() throws {
        site = TemporaryFolder()
        let fixture = Fixtures.root.appendingPathComponent("hostile-injection")
        XCTAssertNotNil(build(content: fixture, output: site.url.appendingPathComponent("public"), drafts: true))
        files = TemporaryFolder.list(site.url.appendingPathComponent("public"))
        XCTAssertTrue(files.contains("en/events/kickoff-meeting/index.html"), "\(files)")
    }

    // XCTest on Linux never frees a test case: the built site is removed here.
    override func tearDown() {
        site = nil
    }

    private func text(_ file: String) -> String { site.read("public/" + file) }

    func testEveryOutputFileIsFreeOfInjectedMarkup() throws {
        for file in files {
            switch (file as NSString).pathExtension {
            case "html": checkPage(text(file), file)
            case "xml": checkXML(text(file), file)
            case "json": checkJSON(text(file), file)
            case "ics": checkCalendar(text(file), file)
            case "csv": checkCSV(text(file), file)
            case "css": XCTAssertFalse(text(file).contains("javascript:"), file)
            case "svg":
                // The theme's favicon: a drawing, nothing that runs.
                XCTAssertFalse(text(file).contains("<script") || text(file).contains("javascript:"), file)
            case "png":
                // The theme's link-preview picture: published as the theme has it.
                XCTAssertTrue(site.bytes("public/" + file).starts(with: [0x89, 0x50, 0x4E, 0x47]), file)
            case "txt":
                // robots.txt: plain lines of `Field: value`, nothing an editor wrote.
                for line in text(file).split(separator: "\n") {
                    XCTAssertTrue(line.contains(": "), "\(file): \(line)")
                    XCTAssertFalse(line.contains("<") || line.contains("javascript:"), "\(file): \(line)")
                }
            case "" where file.hasSuffix(OutputWriter.markerName): break
            default: XCTFail("\(file): an output of a kind this test does not read; teach it to check this kind")
            }
        }
    }

    /// The hostile text is shown, escaped, not dropped: the title still reads as written.
    func testHostileTextIsShownAsText() {
        let page = text("en/events/kickoff-meeting/index.html")
        XCTAssertTrue(page.contains("Kickoff &lt;/script&gt;&lt;script&gt;alert("), page)
        XCTAssertTrue(page.contains("&lt;script&gt;alert("), page)
        XCTAssertFalse(page.contains("<script>alert("))
    }

    /// Every start tag and attribute of a page, as a browser's tokenizer reads them.
    private func checkPage(_ html: String, _ file: String) {
        let tags = HTMLTokenizer.startTags(html)
        XCTAssertFalse(tags.isEmpty, file)
        for tag in tags {
            if tag.name == "script" {
                // JSON-LD is the only script; `</script>` in a title must not have closed it early.
                XCTAssertEqual(tag.attribute("type"), "application/ld+json", "\(file): a script element")
                let json = Data((tag.rawText ?? "").utf8)
                XCTAssertNoThrow(
                    try JSONSerialization.jsonObject(with: json), "\(file): JSON-LD cut short: \(tag.rawText ?? "")")
                continue
            }
            // The progress page's chart is the theme's own SVG (issue 21); no other reaches a page.
            let isChart =
                tag.name == "svg" && tag.attribute("class") == "chart"
                && file.hasSuffix("/progress/index.html")
            XCTAssertFalse(
                Self.foreignElements.contains(tag.name) && !isChart,
                "\(file): a <\(tag.name)> element reached the page")
            if tag.name == "meta" { XCTAssertNil(tag.attribute("http-equiv"), "\(file): <meta http-equiv>") }
            for attribute in tag.attributes {
                XCTAssertFalse(attribute.name.hasPrefix("on"), "\(file): <\(tag.name) \(attribute.name)=…>")
                XCTAssertNotEqual(attribute.name, "style", "\(file): <\(tag.name) style=…>")
                if Self.urlAttributes.contains(attribute.name) {
                    XCTAssertFalse(
                        Self.isUnsafe(attribute.value),
                        "\(file): <\(tag.name) \(attribute.name)=\"\(attribute.value)\">")
                }
            }
        }
    }

    /// The progress export: RFC 4180 CSV in which no field starts as a spreadsheet formula.
    private func checkCSV(_ csv: String, _ file: String) {
        guard let records = CSVReader.records(csv) else { return XCTFail("\(file): not RFC 4180 CSV") }
        for field in records.joined() {
            XCTAssertFalse(["=", "+", "-", "@"].contains(field.first), "\(file): a formula: \(field)")
        }
        XCTAssertTrue(records.joined().contains { $0.contains("<script>") }, "\(file): the hostile title, as text")
    }

    /// A browser drops ASCII whitespace and control characters from a URL before reading its scheme.
    static func isUnsafe(_ url: String) -> Bool {
        let squeezed = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
        return unsafeSchemes.contains { squeezed.hasPrefix($0) }
    }

    /// Feeds and the sitemap: well-formed XML, no script element in any namespace, no unsafe
    /// link, and escaped HTML content (`type="html"`) checked as a page.
    private func checkXML(_ xml: String, _ file: String) {
        let reader = XMLReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "\(file): not well-formed XML: \(String(describing: parser.parserError))")
        for (element, attributes) in reader.elements {
            XCTAssertNotEqual(element.split(separator: ":").last, "script", file)
            for (name, value) in attributes {
                XCTAssertFalse(name.hasPrefix("on"), file)
                if name == "href" || name == "src" { XCTAssertFalse(Self.isUnsafe(value), "\(file): \(value)") }
            }
        }
        for element in ["loc", "id", "uri"] {
            for value in reader.texts(of: element) {
                XCTAssertFalse(Self.isUnsafe(value), "\(file): <\(element)>\(value)")
            }
        }
        for html in reader.htmlContent { checkPage("<div>" + html + "</div>", file + " (HTML content)") }
    }

    private func checkJSON(_ text: String, _ file: String) {
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)), file)
        XCTAssertFalse(text.contains("</"), "\(file): '</' in JSON can close a script element it is embedded in")
    }

    /// RFC 5545: after unfolding, every line is a property (`NAME:` or `NAME;`), components
    /// open and close in pairs: a line break in a title cannot start a new event or property.
    private func checkCalendar(_ text: String, _ file: String) {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        var open: [String] = []
        for line in unfolded.components(separatedBy: "\r\n") where !line.isEmpty {
            let name = line.prefix { $0.isUppercase || $0.isNumber || $0 == "-" }
            XCTAssertTrue(
                !name.isEmpty && [":", ";"].contains(line.dropFirst(name.count).first),
                "\(file): not a property line: \(line)")
            if name == "BEGIN" { open.append(String(line.dropFirst(6))) }
            if name == "END" { XCTAssertEqual(open.popLast(), String(line.dropFirst(4)), file) }
            if name == "URL" || name == "ATTACH" {
                XCTAssertFalse(Self.isUnsafe(String(line.drop { $0 != ":" }.dropFirst())), file)
            }
        }
        XCTAssertEqual(open, [], "\(file): a component is never closed")
    }
}

/// Collects an XML document's elements with their attributes, element texts, and the HTML
/// held as text by Atom's `type="html"` elements.
private final class XMLReader: NSObject, XMLParserDelegate {
    var elements: [(String, [String: String])] = []
    var htmlContent: [String] = []
    private var textByElement: [(String, String)] = []
    private var stack: [(name: String, isHTML: Bool, text: String)] = []

    func texts(of name: String) -> [String] { textByElement.filter { $0.0 == name }.map(\.1) }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((name, attributes))
        stack.append((name, attributes["type"] == "html", ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        textByElement.append((element.name, element.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        if element.isHTML { htmlContent.append(element.text) }
    }
}

/// The tokenizer the injection test relies on sees what a browser sees.
final class HTMLTokenizerTests: XCTestCase {
    func testItFindsScriptsHandlersAndURLsAsABrowserWould() {
        let html = """
            <!DOCTYPE html><title>a </script><b>x</b></title><!-- <script>no</script> -->
            <script type="application/ld+json">{"name": "</scripty>"}</script ><p>1 < 2 &lt;i&gt;</p>
            <img SRC = jav&#x61;script:alert(1) OnError='x' alt=""/><a href="&#106;avascript:x"\
             title=a>t</a><svg/onload=x>
            """
        let tags = HTMLTokenizer.startTags(html)
        XCTAssertEqual(tags.map(\.name), ["title", "script", "p", "img", "a", "svg"])
        XCTAssertEqual(tags[1].rawText, "{\"name\": \"</scripty>\"}")
        XCTAssertEqual(
            tags[3].attributes.map { [$0.name, $0.value] },
            [["src", "javascript:alert(1)"], ["onerror", "x"], ["alt", ""]])
        XCTAssertEqual(tags[4].attribute("href"), "javascript:x")
        XCTAssertEqual(tags[5].attributes.map(\.name), ["onload"])
        XCTAssertTrue(InjectionTests.isUnsafe(" JAVA\tSCRIPT:x"))
        XCTAssertTrue(InjectionTests.isUnsafe("data:text/html,x"))
        XCTAssertFalse(InjectionTests.isUnsafe("/plan/en/"))
    }
}
