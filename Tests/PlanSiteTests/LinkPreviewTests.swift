import Foundation
import XCTest
@testable import PlanSite

/// Every page describes itself for search results and link previews (issue 19, point 4, without
/// images yet): `description`, Open Graph and `twitter:card`, in the page's language.
final class LinkPreviewTests: SmallSiteTestCase {
    /// The `content` of each `<meta>` of the page, by its `name` or `property` (repeated ones in order).
    private func metas(_ html: String) -> [String: [String]] {
        var found: [String: [String]] = [:]
        let pattern = try! NSRegularExpression(pattern: #"<meta (?:name|property)="([^"]+)" content="([^"]*)">"#)
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let key = String(html[Range(match.range(at: 1), in: html)!])
            found[key, default: []].append(String(html[Range(match.range(at: 2), in: html)!]))
        }
        return found
    }

    func testEveryPageHasADescriptionAndOpenGraph() throws {
        let out = output.url.appendingPathComponent("public")
        _ = try XCTUnwrap(build(content: content.url, output: out, baseURL: "https://host.example/plan/"))
        let event = metas(output.read("public/en/events/meeting/index.html"))
        XCTAssertEqual(event["description"], ["A meeting."], "the event's summary")
        XCTAssertEqual(event["og:description"], ["A meeting."])
        XCTAssertEqual(event["og:title"], ["Expert meeting"])
        XCTAssertEqual(event["og:type"], ["article"])
        XCTAssertEqual(event["og:url"], ["https://host.example/plan/en/events/meeting/"])
        XCTAssertEqual(event["og:locale"], ["en_GB"])
        XCTAssertEqual(event["og:locale:alternate"], ["ru_RU", "kk_KZ"])
        XCTAssertEqual(event["og:site_name"], ["Test Plan"])
        // Without a cover, the theme's picture (assets/preview.png, 1200x630).
        XCTAssertEqual(event["twitter:card"], ["summary_large_image"])
        XCTAssertEqual(event["og:image:width"], ["1200"])
        XCTAssertEqual(event["og:image:height"], ["630"])
        XCTAssertEqual(event["og:image:alt"], ["Test Plan"])
        let image = try XCTUnwrap(event["og:image"]?.first)
        XCTAssertTrue(image.hasPrefix("https://host.example/plan/assets/preview."), image)
        XCTAssertTrue(image.hasSuffix(".png"), image)
        // Without a summary, the first paragraph; in the language the page shows.
        let russian = metas(output.read("public/ru/events/meeting/index.html"))
        XCTAssertEqual(russian["description"], ["Текст."])
        XCTAssertEqual(russian["og:locale"], ["ru_RU"])
        XCTAssertEqual(metas(output.read("public/en/areas/one/index.html"))["description"], ["About area one."])
        XCTAssertEqual(metas(output.read("public/en/index.html"))["og:type"], ["website"])
        // The 404 page has no address of its own.
        let notFound = metas(output.read("public/404.html"))
        XCTAssertNil(notFound["og:url"])
        XCTAssertEqual(notFound["description"], ["Test Plan"])
    }

    func testALongParagraphIsCutAtASpace() {
        let long = String(repeating: "word ", count: 60)
        let cut = RenderContext.previewText(long)!
        XCTAssertLessThanOrEqual(cut.count, 201)
        XCTAssertTrue(cut.hasSuffix("word…"), cut)
        XCTAssertNil(RenderContext.previewText("  "))
    }
}
