@testable import PlanMarkdown
import XCTest

/// Issue 17: headings may name their id (`## Scope {#scope}`), so translations share it; the
/// link check finds each heading's id the way the page's HTML does.
final class ExplicitHeadingIDTests: XCTestCase {
    func testAnExplicitIDIsTakenOffTheHeadingAndBecomesItsID() {
        let html = MarkdownDocument(source: "## Сфера *действия* {#scope-of-the-plan}\n").html()
        XCTAssertEqual(html, "<h2 id=\"scope-of-the-plan\">Сфера <em>действия</em></h2>\n")
    }

    /// Only `[a-z0-9]` words joined by single hyphens; anything else in braces stays text, and a
    /// heading that is nothing but a marker keeps it.
    func testAMalformedMarkerStaysText() {
        XCTAssertEqual(
            MarkdownDocument(source: "## Scope {#Bad_ID}\n").html(),
            "<h2 id=\"scope-bad-id\">Scope {#Bad_ID}</h2>\n")
        XCTAssertEqual(
            MarkdownDocument(source: "## Scope {#a--b}\n").html(),
            "<h2 id=\"scope-a-b\">Scope {#a–b}</h2>\n")
        XCTAssertEqual(MarkdownDocument(source: "## {#only}\n").html(), "<h2 id=\"only\">{#only}</h2>\n")
    }

    func testARepeatedExplicitIDIsNumberedLikeAnyOther() {
        let html = MarkdownDocument(source: "## A {#x}\n\n## B {#x}\n\n## X\n").html()
        XCTAssertEqual(html, "<h2 id=\"x\">A</h2>\n<h2 id=\"x-2\">B</h2>\n<h2 id=\"x-3\">X</h2>\n")
    }

    func testThePlainTextLeavesTheMarkerOut() {
        XCTAssertEqual(MarkdownDocument(source: "## Scope {#scope}\n\nText.\n").plainText, "Scope\n\nText.")
    }

    /// `headingIDs` and the HTML agree, in quotes and lists too, with reserved ids.
    func testHeadingIDsAreTheOnesTheHTMLGives() {
        let source = "# Main\n\n> ## Plan {#plan}\n\n- ## Plan\n\n## Plan 2\n\n### Реализация\n"
        let document = MarkdownDocument(source: source)
        let html = document.html(reservedIDs: ["main"])
        let inHTML = html.components(separatedBy: "id=\"").dropFirst().map { String($0.prefix(while: { $0 != "\"" })) }
        XCTAssertEqual(document.headingIDs(reservedIDs: ["main"]), inHTML)
        XCTAssertEqual(inHTML, ["main-2", "plan", "plan-2", "plan-2-2", "реализация"])
    }

    /// 4,000 headings of one text took about a minute: each try scanned every id given.
    func testFourThousandIdenticalHeadingsAreNumberedInOrder() {
        let document = MarkdownDocument(source: String(repeating: "## Same\n\n", count: 4000))
        XCTAssertEqual(document.headingIDs(), ["same"] + (2...4000).map { "same-\($0)" })
    }

    /// 40,000 links on one line took 7 s: each link's column was counted from the line's start.
    func testColumnsOfManyLinksOnOneLineCountCharacters() {
        let source = "Текст " + String(repeating: "[а](/x) ", count: 2000) + "\n[b](/y)\n"
        let links = MarkdownDocument(source: source).links
        XCTAssertEqual(links.count, 2001)
        XCTAssertEqual(
            links.prefix(2000).map(\.position),
            (0..<2000).map { SourcePosition(line: 1, column: 7 + 8 * $0) })
        XCTAssertEqual(links.last?.position, SourcePosition(line: 2, column: 1))
    }
}
