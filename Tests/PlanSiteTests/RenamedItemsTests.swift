import Foundation
import XCTest
@testable import PlanSite

/// CONTENT.md, "Renamed items": `aliases` in meta.yaml keep an item's old addresses working
/// (`RedirectPlan`, `RedirectPageBuilder`, `LinkResolver`, `AliasOwnership`, `Event.firstSlug`).
/// The fixture `renamed-items` renamed a document, an area and a postponed event.
final class RenamedItemsTests: XCTestCase {
    var output: TemporaryFolder!

    override func setUp() { output = TemporaryFolder() }

    // XCTest on Linux never frees a test case: its temporary folders are let go here.
    override func tearDown() { output = nil }

    private var out: URL { output.url.appendingPathComponent("public") }

    private func page(_ path: String, in folder: URL? = nil) -> String {
        (try? String(contentsOf: (folder ?? out).appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    static let languages = ["en", "ru", "kk"]
    /// Old folder, new folder, and the item's title and its language as each language's page shows it
    /// (kk falls back to ru).
    static let renamed: [(old: String, new: String, titles: [(String, String)])] = [
        ("documents/action-plan", "documents/plan", [("The Plan", "en"), ("План", "ru"), ("План", "ru")]),
        (
            "areas/old-security", "areas/security",
            [("Security", "en"), ("Безопасность", "ru"), ("Безопасность", "ru")]
        ),
        (
            "events/meeting-2025-03-12", "events/meeting-2025-04-20",
            [
                ("Expert meeting", "en"), ("Встреча экспертов", "ru"),
                ("Встреча экспертов", "ru")
            ]
        )
    ]

    func testEveryOldAddressIsARedirectPageInEveryLanguage() throws {
        _ = try XCTUnwrap(build(content: Fixtures.renamedItems.url, output: out, today: "2024-05-29"))
        for (old, new, titles) in Self.renamed {
            for (language, (title, textLanguage)) in zip(Self.languages, titles) {
                let html = page("\(language)/\(old)/index.html")
                let tags = HTMLTokenizer.startTags(html)
                let target = "/plan/\(language)/\(new)/"
                let where_ = "\(language)/\(old)"
                XCTAssertEqual(tags.first { $0.name == "html" }?.attribute("lang"), language, where_)
                let refresh = tags.first { $0.name == "meta" && $0.attribute("http-equiv") == "refresh" }
                XCTAssertEqual(refresh?.attribute("content"), "0; url=\(target)", where_)
                let canonical = tags.first { $0.name == "link" && $0.attribute("rel") == "canonical" }
                XCTAssertEqual(canonical?.attribute("href"), "https://example.org\(target)", where_)
                let robots = tags.first { $0.name == "meta" && $0.attribute("name") == "robots" }
                XCTAssertEqual(robots?.attribute("content"), "noindex", where_)
                // A visible link for readers whose browser does not follow the refresh, in the
                // item's text language, and the theme's stylesheet like every page.
                let main = String(html[html.range(of: "<main")!.lowerBound...])
                let link = "<a href=\"\(target)\" lang=\"\(textLanguage)\">\(title)</a>"
                XCTAssertTrue(main.contains(link), "\(where_): \(main)")
                XCTAssertTrue(tags.contains { $0.name == "link" && $0.attribute("rel") == "stylesheet" }, where_)
                XCTAssertEqual(tags.filter { $0.name == "h1" }.count, 1, where_)
            }
        }
    }

    func testTheSitemapListsOnlyTheNewAddresses() throws {
        _ = try XCTUnwrap(build(content: Fixtures.renamedItems.url, output: out, today: "2024-05-29"))
        let sitemap = page("sitemap.xml")
        for (old, new, _) in Self.renamed {
            for language in Self.languages {
                XCTAssertTrue(sitemap.contains("<loc>https://example.org/plan/\(language)/\(new)/</loc>"), new)
                XCTAssertFalse(sitemap.contains("/\(language)/\(old)/"), old)
            }
        }
    }

    func testLinksToAnOldFolderLeadToTheItem() throws {
        _ = try XCTUnwrap(build(content: Fixtures.renamedItems.url, output: out, today: "2024-05-29"))
        for language in Self.languages {
            let note = page("\(language)/documents/note/index.html")
            let hrefs = HTMLTokenizer.startTags(note).filter { $0.name == "a" }.compactMap { $0.attribute("href") }
            let body = Array(hrefs.drop { $0 != "/plan/\(language)/documents/plan/" })
            let base = "/plan/\(language)/"
            XCTAssertEqual(
                Array(body.prefix(4)),
                [
                    base + "documents/plan/", base + "areas/security/",
                    base + "events/meeting-2025-04-20/",
                    base + "events/meeting-2025-04-20/"
                ], language)
            // From an event's body, to the old folder in another year's group.
            XCTAssertTrue(
                page("\(language)/events/forum-2024-06-25/index.html")
                    .contains("<a href=\"/plan/\(language)/events/meeting-2025-04-20/\">the expert meeting</a>"),
                language)
        }
    }

    func testARenamedEventKeepsTheCalendarUIDAndFeedIdOfItsFirstSlug() throws {
        _ = try XCTUnwrap(build(content: Fixtures.renamedItems.url, output: out, today: "2024-05-29"))
        for language in Self.languages {
            let calendar = page("\(language)/calendar.ics")
            let uid = "UID:meeting-2025-03-12@example.org\r\n"
            XCTAssertTrue(calendar.contains(uid), language)
            XCTAssertFalse(calendar.contains("UID:meeting-2025-04-20@"), language)
            XCTAssertTrue(
                calendar.contains("UID:workshop-2025-09-10@example.org\r\n"),
                "an event never renamed keeps its slug")
            XCTAssertTrue(page("\(language)/events/meeting-2025-04-20/event.ics").contains(uid))
            XCTAssertTrue(page("\(language)/areas/security/calendar.ics").contains(uid))
            let feed = page("\(language)/feed.xml")
            XCTAssertTrue(feed.contains("<id>tag:example.org,2024:plansite/events/meeting-2025-03-12/\(language)</id>"))
            XCTAssertTrue(
                feed.contains("href=\"https://example.org/plan/\(language)/events/meeting-2025-04-20/\""),
                "its link is the new address")
        }
    }

    func testAnAliasThatAnotherItemOwnsIsAnErrorAtIt() {
        let only = "an old address can lead to one item only"
        let workshop = "events/2025/workshop-2025-09-10/meta.yaml"
        let cases: [(file: String, text: String, expected: (ContentFixture) -> String)] = [
            (
                "areas/trade/meta.yaml", "number: 2\naliases: [security]\n",
                {
                    "\($0.path("areas/trade/meta.yaml")):2:11: error: alias 'security' is the slug of "
                        + "\($0.path("areas/security")): \(only)"
                }
            ),
            (
                "documents/note/meta.yaml", "order: 2\naliases: [action-plan]\n",
                {
                    "\($0.path("documents/note/meta.yaml")):2:11: error: alias 'action-plan' is also an alias of "
                        + "\($0.path("documents/plan")) (\($0.path("documents/plan/meta.yaml")):2:11): \(only)\n"
                        + "\($0.path("documents/plan/meta.yaml")):2:11: error: alias 'action-plan' is also an alias of "
                        + "\($0.path("documents/note")) (\($0.path("documents/note/meta.yaml")):2:11): \(only)"
                }
            ),
            (
                workshop, "start: 2025-09-10\narea: trade\naliases:\n  - forum-2024-06-25\n",
                {
                    "\($0.path(workshop)):4:5: error: alias 'forum-2024-06-25' is the slug of "
                        + "\($0.path("events/2024/forum-2024-06-25")): \(only)"
                }
            )
        ]
        for (file, text, expected) in cases {
            let site = Fixtures.renamedItems.overlaid([file: text])
            XCTAssertEqual(site.fixture.loadDiagnostics(), expected(site.fixture).components(separatedBy: "\n"), file)
        }
    }

    func testAnAliasIsAnotherValidSlugListedOnce() {
        let site = Fixtures.renamedItems.overlaid([
            "areas/security/meta.yaml": "number: 1\naliases: [old-security, security, Old_Security, old-security]\n"
        ])
        let path = site.fixture.path("areas/security/meta.yaml")
        XCTAssertEqual(
            site.fixture.loadDiagnostics(),
            [
                "\(path):2:25: error: alias 'security' is this item's own slug: list only the slugs it had before",
                "\(path):2:35: error: alias 'Old_Security' is not a valid slug: use \(Slug.rule)",
                "\(path):2:49: error: alias 'old-security' is listed twice"
            ])
    }

    /// A redirect page never takes a real page's place: such an alias is refused, and the
    /// failed build leaves the previous output as it was.
    func testARedirectOverARealPageFailsTheBuildAndLeavesTheOutput() throws {
        let site = Fixtures.renamedItems.overlaid([:])
        _ = try XCTUnwrap(build(content: site.url, output: out, today: "2024-05-29"))
        func files() -> [String] {
            TemporaryFolder.list(out).map { "\($0) \(page($0).utf8.count)" }
        }
        let before = files()
        let planBefore = page("en/documents/plan/index.html")
        site.write([
            "events/2025/meeting-2025-04-20/meta.yaml":
                "start: 2025-04-20\narea: security\naliases: [meeting-2025-03-12, workshop-2025-09-10]\n"
        ])
        let options = BuildOptions(
            content: site.url, theme: Package.theme, output: out,
            now: ISO8601DateFormatter().date(from: "2024-05-29T00:00:00Z")!)
        guard case .failure(let failure) = SiteBuilder.build(options) else { return XCTFail("the build succeeded") }
        XCTAssertEqual(
            failure.diagnostics.map(\.description),
            [
                "\(site.fixture.path("events/2025/meeting-2025-04-20/meta.yaml")):3:31: error: alias "
                    + "'workshop-2025-09-10' is the slug of \(site.fixture.path("events/2025/workshop-2025-09-10")): "
                    + "an old address can lead to one item only"
            ])
        XCTAssertEqual(files(), before)
        XCTAssertEqual(page("en/documents/plan/index.html"), planBefore)
    }

    /// Two planned pages at one path are an error whatever made them (`PathCollisions`), so a
    /// redirect that slipped past `AliasOwnership` could still not replace a page.
    func testTwoPlannedFilesAtOnePathAreAnError() {
        let page = PlannedPage(file: "en/events/workshop-2025-09-10/index.html", content: .file { _ in "" })
        XCTAssertEqual(
            PathCollisions.find([page, page], assets: []).map(\.description),
            [
                "en/events/workshop-2025-09-10/index.html: error: two pages would be written to "
                    + "'en/events/workshop-2025-09-10/index.html'"
            ])
    }

    /// A page kept from the previous build may link to an old folder: moving an alias from one
    /// event to another (only those two folders change) must still re-render it.
    func testARebuildAfterMovingAnAliasMakesWhatACleanBuildMakes() throws {
        let site = Fixtures.renamedItems.overlaid([:])
        _ = try XCTUnwrap(build(content: site.url, output: out, today: "2024-05-29"))
        site.write([
            "events/2025/meeting-2025-04-20/meta.yaml":
                "start: 2025-04-20\narea: security\nsequence: 1\norganizers: [cica]\n",
            "events/2025/workshop-2025-09-10/meta.yaml":
                "start: 2025-09-10\narea: trade\naliases: [meeting-2025-03-12]\n"
        ])
        _ = try XCTUnwrap(build(content: site.url, output: out, today: "2024-05-29"))
        let clean = output.url.appendingPathComponent("clean")
        _ = try XCTUnwrap(build(content: site.url, output: clean, today: "2024-05-29"))
        XCTAssertEqual(TemporaryFolder.list(out), TemporaryFolder.list(clean))
        for file in TemporaryFolder.list(clean) {
            XCTAssertEqual(
                try Data(contentsOf: out.appendingPathComponent(file)),
                try Data(contentsOf: clean.appendingPathComponent(file)), file)
        }
        XCTAssertTrue(
            page("en/events/forum-2024-06-25/index.html")
                .contains("href=\"/plan/en/events/workshop-2025-09-10/\""))
        XCTAssertTrue(page("en/calendar.ics").contains("UID:meeting-2025-04-20@example.org\r\n"))
    }
}
