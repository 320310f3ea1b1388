import PlanMarkdown
import XCTest

final class MarkdownRenderingTests: XCTestCase {
    func testRendersBlocksAndInlinesInCmarksShape() {
        let html = MarkdownDocument(source: "Hello *there* and **you**, `code`.\n\n> quoted\n\n1. one\n2. two\n").html()
        XCTAssertEqual(
            html,
            """
            <p>Hello <em>there</em> and <strong>you</strong>, <code>code</code>.</p>
            <blockquote>
            <p>quoted</p>
            </blockquote>
            <ol>
            <li>one</li>
            <li>two</li>
            </ol>

            """)
    }

    func testSmartPunctuationIsOn() {
        let html = MarkdownDocument(source: "\"Quoted\" -- it's 2024---2029...").html()
        XCTAssertEqual(html, "<p>\u{201C}Quoted\u{201D} \u{2013} it\u{2019}s 2024\u{2014}2029\u{2026}</p>\n")
    }

    func testRawHTMLNeverReachesTheOutput() {
        let source = "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b> <img src=x onerror=alert(1)>\n"
        let html = MarkdownDocument(source: source).html()
        XCTAssertEqual(html, "<p>Text bold </p>\n")
    }

    func testUnsafeURLsAreDroppedButTheirTextStays() {
        let source =
            "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](vbscript:x) [d](file:///etc/passwd) [e](data:text/html,x) "
            + "![f](javascript:x) [g](https://example.org/?a=1&b=2)"
        let html = MarkdownDocument(source: source).html()
        XCTAssertEqual(html, "<p>a b c d e f <a href=\"https://example.org/?a=1&amp;b=2\">g</a></p>\n")
    }

    func testDataImagesOfRasterTypesAreKept() {
        XCTAssertTrue(URLSafety.isSafe("data:image/png;base64,AAAA"))
        XCTAssertFalse(URLSafety.isSafe("data:image/svg+xml,<svg>"))
        XCTAssertFalse(URLSafety.isSafe(" \tjava\nscript:alert(1)"))
    }

    func testTextIsEscaped() {
        let html = MarkdownDocument(source: "1 < 2 & \"x\" > 'y'").html()
        XCTAssertEqual(html, "<p>1 &lt; 2 &amp; \u{201C}x\u{201D} &gt; \u{2018}y\u{2019}</p>\n")
    }

    func testHeadingsGetStableIdsInAnyScriptAndStartAtTheGivenLevel() {
        let source =
            "# Areas of cooperation\n\n## Реализация плана\n\n# Areas of cooperation\n\n"
            + "# Жоспар: 2024–2029\n"
        let html = MarkdownDocument(source: source).html(topHeadingLevel: 2)
        XCTAssertEqual(
            html,
            """
            <h2 id="areas-of-cooperation">Areas of cooperation</h2>
            <h3 id="реализация-плана">Реализация плана</h3>
            <h2 id="areas-of-cooperation-2">Areas of cooperation</h2>
            <h2 id="жоспар-2024-2029">Жоспар: 2024–2029</h2>

            """)
    }

    func testHeadingIdsAvoidReservedIds() {
        let html = MarkdownDocument(source: "## Main\n").html(reservedIDs: ["main"])
        XCTAssertEqual(html, "<h2 id=\"main-2\">Main</h2>\n")
    }

    func testLinksAreRewrittenByTheCaller() {
        let html = MarkdownDocument(source: "[plan](/documents/plan#x) [out](https://example.org)").html { url in
            url.hasPrefix("/") ? "/en" + url : url
        }
        XCTAssertEqual(
            html, "<p><a href=\"/en/documents/plan#x\">plan</a> <a href=\"https://example.org\">out</a></p>\n")
    }

    func testLinkPositionsCountFromTheTopOfTheFile() {
        let document = MarkdownDocument(
            source: "Intro line.\n\nSee [the plan](/documents/plan) and\n[x](../y).\n", lineOffset: 4)
        let links = document.links
        XCTAssertEqual(links.map(\.url), ["/documents/plan", "../y"])
        XCTAssertEqual(links.map(\.position), [SourcePosition(line: 7, column: 5), SourcePosition(line: 8, column: 1)])
    }

    /// Links and images anywhere in the tree, in the order they were written: in headings,
    /// nested lists and quotes, an image inside a link, reference links; none from code.
    func testLinksComeFromEveryPlaceInDocumentOrder() {
        let source = """
            # Head [h](/h)

            > - quote [q](/q) and *em [e](/e)*
            >   1. deep ![i](/i.png)

            [![inner](/inner.png)](/outer) `[code](/code)` [ref][r] <https://auto.example/>

                [indented](/indented)

            [r]: /reference
            """
        let links = MarkdownDocument(source: source).links
        XCTAssertEqual(
            links.map(\.url),
            ["/h", "/q", "/e", "/i.png", "/outer", "/inner.png", "/reference", "https://auto.example/"])
        XCTAssertEqual(links.map(\.position.line), [1, 3, 3, 4, 6, 6, 6, 6])
    }

    func testPlainTextAndFirstParagraph() {
        let document = MarkdownDocument(source: "## Title\n\nFirst *para*\nwraps.\n\n- item one\n- item two\n")
        XCTAssertEqual(document.firstParagraph, "First para wraps.")
        XCTAssertEqual(document.plainText, "Title\n\nFirst para wraps.\n\nitem one\n\nitem two")
    }

    func testTightAndLooseLists() {
        XCTAssertEqual(MarkdownDocument(source: "- a\n- b\n").html(), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
        XCTAssertEqual(
            MarkdownDocument(source: "- a\n\n- b\n").html(),
            "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
    }

    func testCodeBlocksAndImages() {
        let html = MarkdownDocument(source: "```swift\nlet a = \"<b>\"\n```\n\n![Map of *Asia*](map.png \"Asia\")\n")
            .html()
        XCTAssertEqual(
            html,
            """
            <pre><code class="language-swift">let a = &quot;&lt;b&gt;&quot;
            </code></pre>
            <p><img src="map.png" alt="Map of Asia" title="Asia"></p>

            """)
    }

    func testEmptyAndInvalidInputDoNotCrash() {
        XCTAssertEqual(MarkdownDocument(source: "").html(), "")
        XCTAssertTrue(MarkdownDocument(source: "").isEmpty)
        XCTAssertNil(MarkdownDocument(source: "").firstParagraph)
        XCTAssertEqual(MarkdownDocument(source: "\u{0}x").html(), "<p>\u{FFFD}x</p>\n")
    }

    /// Bytes of unknown origin are checked by cmark; bytes known valid skip the check and give
    /// the same page.
    func testInvalidUTF8IsReplacedUnlessTheBytesAreKnownValid() {
        XCTAssertEqual(MarkdownDocument(utf8: [0x61, 0xFF, 0x62]).html(), "<p>a\u{FFFD}b</p>\n")
        let text = "## Жоба\n\nМәтін *қазақша*, «тырнақша» — and \u{0} too.\n"
        XCTAssertEqual(
            MarkdownDocument(utf8: Array(text.utf8), isValidUTF8: true).html(),
            MarkdownDocument(utf8: Array(text.utf8)).html())
        XCTAssertEqual(MarkdownDocument(source: text).html(), MarkdownDocument(utf8: Array(text.utf8)).html())
    }
}
