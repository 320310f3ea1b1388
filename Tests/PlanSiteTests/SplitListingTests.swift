import Foundation
import XCTest
@testable import PlanSite

/// A site with more events than one listing holds (`RenderContext.listingLimit`): the calendar
/// links to a page per month and the crowded area to a page per year.
final class SplitListingTests: XCTestCase {
    var content: TemporaryFolder!
    var output: TemporaryFolder!

    /// The small site plus 160 events in area one, spread over 2024 and 2025.
    static var files: [String: String] {
        var files = SmallSite.files
        for index in 0..<160 {
            let year = 2024 + index % 2, month = 1 + (index / 2) % 12, day = 1 + index % 28
            let slug = "generated-\(index)"
            files["events/\(year)/\(slug)/meta.yaml"] =
                "start: \(year)-\(CalendarDate.pad(month, 2))-\(CalendarDate.pad(day, 2))\narea: one\n"
            files["events/\(year)/\(slug)/en.md"] = "---\ntitle: Generated event \(index)\n---\nBody \(index).\n"
        }
        return files
    }

    // XCTest on Linux never frees a test case: the folders are let go here, or they stay on disk.
    override func tearDown() {
        content = nil
        output = nil
    }

    override func setUpWithError() throws {
        content = TemporaryFolder()
        content.write(Self.files)
        output = TemporaryFolder()
        _ = try XCTUnwrap(build(content: content.url, output: out))
    }

    private var out: URL { output.url.appendingPathComponent("public") }

    private func page(_ path: String) -> String {
        (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func testCalendarLinksToAPagePerMonth() {
        let calendar = page("en/calendar/index.html")
        XCTAssertFalse(calendar.contains("class=\"event status-"), "the split calendar lists no events itself")
        XCTAssertTrue(calendar.contains("<p class=\"month-link\"><a href=\"/plan/en/calendar/2024-01/\">"))
        let months = TemporaryFolder.list(out).filter {
            $0.hasPrefix("ru/calendar/") && $0.hasSuffix("/index.html") && $0 != "ru/calendar/index.html"
        }
        XCTAssertEqual(months.count, 24)
        let january = page("ru/calendar/2024-01/index.html")
        XCTAssertTrue(january.contains("<h1>Январь 2024\u{202F}г.</h1>"))
        XCTAssertEqual(january.components(separatedBy: "class=\"event status-").count - 1, 7)
    }

    func testCrowdedAreaLinksToAPagePerYear() {
        let area = page("en/areas/one/index.html")
        XCTAssertTrue(area.contains("<li><a href=\"/plan/en/areas/one/2024/\">2024</a>"))
        XCTAssertFalse(area.contains("class=\"event status-"))
        let year = page("kk/areas/one/2025/index.html")
        XCTAssertEqual(year.components(separatedBy: "class=\"event status-").count - 1, 81)
        // The quiet area keeps its events on its own page.
        XCTAssertFalse(page("en/areas/two/index.html").contains("year-links"))
    }

    func testEveryPageStaysSmallAndIsInTheSitemap() throws {
        let sitemap = page("sitemap.xml")
        for file in TemporaryFolder.list(out) where file.hasSuffix("index.html") {
            let size = try XCTUnwrap(
                try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(file).path)[.size] as? Int)
            XCTAssertLessThan(size, 100_000, file)
            if file.contains("/") {
                XCTAssertTrue(
                    sitemap.contains("<loc>https://example.org/plan/\(file.dropLast("index.html".count))</loc>"), file)
            }
        }
    }

    /// One render thread or eight: the same bytes in every file.
    func testAnyNumberOfRenderThreadsGivesTheSameSite() throws {
        var files: [[String: Data]] = []
        for threads in [1, 8] {
            let folder = TemporaryFolder()
            let target = folder.url.appendingPathComponent("public")
            var options = BuildOptions(
                content: content.url, theme: Package.theme, output: target,
                now: ISO8601DateFormatter().date(from: "2024-12-01T00:00:00Z")!)
            options.threads = threads
            guard case .success = SiteBuilder.build(options) else { return XCTFail("build failed") }
            var contents: [String: Data] = [:]
            for file in TemporaryFolder.list(target) {
                contents[file] = try Data(contentsOf: target.appendingPathComponent(file))
            }
            files.append(contents)
        }
        XCTAssertGreaterThan(files[0].count, 500)
        XCTAssertEqual(files[0], files[1])
    }

    /// The sitemap is kept without rendering while the addresses are the same, and made again
    /// when an edit moves an event into a month that had none (a new page): equal to a clean build.
    func testAnEditThatAddsAMonthPageRebuildsTheSitemap() throws {
        content.write(["events/2024/generated-0/en.md": "---\ntitle: Generated event 0, renamed\n---\nBody.\n"])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertFalse(page("sitemap.xml").contains("/calendar/2026-12/"))
        content.write(["events/2024/generated-0/meta.yaml": "start: 2026-12-05\narea: one\n"])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertTrue(page("sitemap.xml").contains("/en/calendar/2026-12/"))
        let clean = TemporaryFolder()
        _ = try XCTUnwrap(build(content: content.url, output: clean.url.appendingPathComponent("public")))
        XCTAssertEqual(
            page("sitemap.xml"),
            try String(contentsOf: clean.url.appendingPathComponent("public/sitemap.xml"), encoding: .utf8))
    }
}
