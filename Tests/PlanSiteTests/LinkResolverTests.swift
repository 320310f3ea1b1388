import XCTest
@testable import PlanSite

final class LinkResolverTests: XCTestCase {
    var resolver: LinkResolver!

    override func setUpWithError() throws {
        let content = TemporaryFolder()
        content.write(SmallSite.files)
        resolver = LinkResolver(site: try ContentLoader.load(contentDirectory: content.url).get())
    }

    // XCTest on Linux never frees a test case: what it holds is let go here (issue 5).
    override func tearDown() {
        resolver = nil
    }

    func testLinksFromTheContentRoot() {
        XCTAssertEqual(
            resolver.resolve("/documents/plan", from: "areas/one"),
            .item(ItemReference(kind: .document, slug: "plan"), fragment: nil))
        XCTAssertEqual(
            resolver.resolve("/documents/plan/", from: "areas/one"),
            .item(ItemReference(kind: .document, slug: "plan"), fragment: nil))
        XCTAssertEqual(
            resolver.resolve("/events/2025/meeting#details", from: "home"),
            .item(ItemReference(kind: .event, slug: "meeting"), fragment: "details"))
        XCTAssertEqual(
            resolver.resolve("/home", from: "areas/one"), .item(ItemReference(kind: .home, slug: "home"), fragment: nil)
        )
    }

    func testRelativeLinksAndLanguageFiles() {
        XCTAssertEqual(
            resolver.resolve("../two", from: "areas/one"), .item(ItemReference(kind: .area, slug: "two"), fragment: nil)
        )
        XCTAssertEqual(
            resolver.resolve("../../areas/one/ru.md", from: "documents/plan"),
            .item(ItemReference(kind: .area, slug: "one"), fragment: nil))
        XCTAssertEqual(
            resolver.resolve("./../../../events/2024/forum", from: "events/2025/meeting"),
            .item(ItemReference(kind: .event, slug: "forum"), fragment: nil))
    }

    func testExternalLinksPassAndBrokenOnesAreReported() {
        for url in ["https://example.org", "mailto:info@example.org", "#section", "//cdn.example.org/x", "tel:+7"] {
            XCTAssertEqual(resolver.resolve(url, from: "home"), .external, url)
        }
        XCTAssertEqual(resolver.resolve("/areas/three", from: "home"), .broken(path: "/areas/three"))
        XCTAssertEqual(
            resolver.resolve("../../../../etc/passwd", from: "areas/one"), .broken(path: "../../../../etc/passwd"))
        XCTAssertEqual(resolver.resolve("/events/meeting", from: "home"), .broken(path: "/events/meeting"))
    }
}
