import Foundation
import XCTest
@testable import PlanMedia

/// Each refusal of an SVG is a small change to one good picture, and says where it is.
final class SVGCheckTests: XCTestCase {
    private static let good = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="240" height="120">
          <defs><linearGradient id="sky"><stop offset="0" stop-color="#2a6"/></linearGradient></defs>
          <style>.mark { fill: url(#sky); }</style>
          <rect id="frame" class="mark" width="240" height="120" style="fill: url('#sky')"/>
          <use xlink:href="#frame" href="#frame"/>
          <text x="10" y="20">Шартқа қол қою</text>
        </svg>
        """

    private func check(_ text: String) -> SVGCheckResult { SVGCheck.check(Data(text.utf8)) }

    /// The good picture with `old` replaced by `new`, checked; its problems as "line:column message".
    private func problems(replacing old: String, with new: String) -> [String] {
        XCTAssertTrue(Self.good.contains(old), old)
        let changed = Self.good.replacingOccurrences(of: old, with: new)
        return check(changed).problems.map { "\($0.line):\($0.column) \($0.message)" }
    }

    func testAGoodPictureHasNoProblemsAndItsSize() {
        let result = check(Self.good)
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.width, 240)
        XCTAssertEqual(result.height, 120)
        let boxed = check(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32" width="100%"/>"#)
        XCTAssertEqual([boxed.width, boxed.height], [64, 32])
    }

    func testScriptsAndForeignObjectsAreRefusedAtTheirTag() {
        XCTAssertEqual(
            problems(replacing: "  <text", with: "  <script>alert(1)</script><text"),
            ["7:3 scripts are not allowed (<script>)"])
        let html = "\"http://www.w3.org/1999/xhtml\""
        let foreign = "  <foreignObject><div xmlns=\(html)/></foreignObject>\n  <text x"
        XCTAssertEqual(
            problems(replacing: "  <text x", with: foreign),
            [
                "7:3 <foreignObject> is not allowed: it embeds HTML",
                "7:18 HTML elements are not allowed (<div>)"
            ])
        XCTAssertEqual(
            problems(replacing: "<text x=", with: "<h:script xmlns:h=\(html)/><text x="),
            ["7:3 scripts are not allowed (<h:script>)"])
    }

    func testEventHandlersAreRefusedAtTheirAttribute() {
        XCTAssertEqual(
            problems(replacing: "<text x=\"10\"", with: "<text ONCLICK=\"steal()\" x=\"10\""),
            ["7:9 event handler 'ONCLICK' is not allowed"])
        XCTAssertEqual(
            problems(replacing: "<rect id", with: "<rect\n    onload=\"x()\" id"),
            ["6:5 event handler 'onload' is not allowed"])
    }

    func testReferencesToOtherFilesOrHostsAreRefused() {
        XCTAssertEqual(
            problems(
                replacing: "xlink:href=\"#frame\"",
                with: "xlink:href=\"https://evil.example/a.svg#x\""),
            [
                "6:8 'xlink:href' refers to another file or host ('https://evil.example/a.svg#x'): "
                    + "only '#id' inside the image"
            ])
        XCTAssertEqual(
            problems(replacing: " href=\"#frame\"", with: " href=\"javascript:alert(1)\""),
            [
                "6:28 'href' refers to another file or host ('javascript:alert(1)'): "
                    + "only '#id' inside the image"
            ])
        XCTAssertEqual(
            problems(replacing: "fill: url('#sky')", with: "fill: url('logo.png')"),
            ["5:58 url(logo.png) refers to another file or host: only url(#id) inside the image"])
        XCTAssertEqual(
            problems(replacing: "<stop offset", with: "<stop fill=\"url(http://h/x)\" offset"),
            ["3:40 url(http://h/x) refers to another file or host: only url(#id) inside the image"])
        XCTAssertEqual(
            problems(replacing: "<text x", with: "<image src=\"photo.jpg\"/><text x"),
            ["7:10 'src' refers to another file or host ('photo.jpg')"])
        XCTAssertEqual(
            problems(replacing: "<text x", with: "<set attributeName=\"xlink:href\" to=\"#frame\"/><text x"),
            ["7:8 animating 'xlink:href' is not allowed"])
    }

    func testStylesheetsThatLoadOrHideAreRefused() {
        XCTAssertEqual(
            problems(replacing: ".mark {", with: "@import 'http://h/x.css'; .mark {"),
            ["4:10 '@import' loads another file: not allowed"])
        XCTAssertEqual(
            problems(replacing: "fill: url(#sky); }", with: "fill: \\75rl(http://h/x); }"),
            ["4:10 CSS escapes ('\\') are not allowed"])
        XCTAssertEqual(
            problems(
                replacing: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                with: "<?xml version=\"1.0\"?><?xml-stylesheet href=\"http://h/x.css\"?>"),
            ["1:22 processing instruction '<?xml-stylesheet' is not allowed"])
    }

    func testEntityDeclarationsAreRefusedBeforeParsing() {
        let entities = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [ <!ENTITY lol "lol"> <!ENTITY ext SYSTEM "file:///etc/passwd"> ]>
            <svg xmlns="http://www.w3.org/2000/svg"><text>&ext;&lol;</text></svg>
            """
        let refusal = SVGProblem(line: 2, column: 1, message: "a DOCTYPE with declarations ([…]) is not allowed")
        XCTAssertEqual(check(entities).problems, [refusal])
        // The plain DOCTYPE drawing programs write declares nothing and loads nothing.
        let plain = """
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>
            """
        XCTAssertEqual(check(plain).problems, [])
    }

    func testNotWellFormedOrNotSVGIsRefused() {
        XCTAssertEqual(
            check("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect>\n</svg>\n").problems.map(\.line),
            [3])
        XCTAssertEqual(
            check("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect>\n</svg>\n").problems.first?.message,
            "not well-formed XML: an end tag that does not match the element it closes")
        XCTAssertEqual(
            check("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g>\n").problems,
            [SVGProblem(line: 3, column: 1, message: "not well-formed XML: <g> is not closed")])
        XCTAssertEqual(check("").problems.map(\.message), ["not well-formed XML: no element"])
        let ampersand = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>AT&T</text></svg>"
        XCTAssertEqual(
            check(ampersand).problems.map(\.message),
            ["not well-formed XML: an '&' that starts no entity XML defines (write &amp; for '&')"])
        XCTAssertEqual(
            check("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>").problems.map(\.message),
            [
                "not an SVG image: the root element is <html>, not <svg> in the SVG namespace",
                "HTML elements are not allowed (<html>)"
            ])
    }

    func testEveryProblemOfAFileIsReportedInOrder() {
        let text = Self.good
            .replacingOccurrences(of: "<text x=\"10\"", with: "<text onclick=\"a()\" x=\"10\"")
            .replacingOccurrences(of: "<defs>", with: "<script/><defs>")
        XCTAssertEqual(check(text).problems.map { "\($0.line):\($0.column)" }, ["3:3", "7:9"])
    }
}
