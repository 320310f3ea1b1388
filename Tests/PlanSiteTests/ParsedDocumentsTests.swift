import Foundation
import PlanMarkdown
import XCTest
@testable import PlanSite

/// A render thread keeps its last parse for the next file of the same group, and only while
/// the file is as it was.
final class ParsedDocumentsTests: XCTestCase {
    func testAParseIsKeptForTheSameFileAsItWasOnly() {
        let documents = ParsedDocuments()
        let path = "/content/events/2025/forum/en.md"
        let stamp = FileStamp(size: 10, modified: 1, modifiedNanoseconds: 2)
        let parsed = MarkdownDocument(source: "Text.", lineOffset: 0)
        XCTAssertNil(documents.document(for: path, stamp: stamp))
        documents.keep(parsed, for: path, stamp: stamp)
        XCTAssertEqual(documents.document(for: path, stamp: stamp)?.firstParagraph, "Text.")
        XCTAssertNil(documents.document(for: path, stamp: FileStamp(size: 11, modified: 1, modifiedNanoseconds: 2)))
        XCTAssertNil(documents.document(for: "/content/events/2025/forum/ru.md", stamp: stamp))
        documents.forget()
        XCTAssertNil(documents.document(for: path, stamp: stamp))
    }

    func testAnEventsCalendarFileIsPlannedRightAfterItsPage() throws {
        let content = TemporaryFolder()
        content.write(SmallSite.files)
        let site = try ContentLoader.load(contentDirectory: content.url).get()
        let context = RenderContext(
            site: site, theme: try Theme.load(directory: Package.theme, languages: ["en", "ru", "kk"]).get(),
            today: CalendarDate(year: 2025, month: 1, day: 1))
        let pages = context.plan(index: CalendarIndex(events: site.events, period: site.config.period))
        let calendars = pages.indices.filter { pages[$0].file.hasSuffix("/event.ics") }
        XCTAssertEqual(calendars.count, site.events.count * 3)
        for index in calendars {
            XCTAssertTrue(pages[index].rendersWithPrevious)
            XCTAssertEqual(
                pages[index].file.replacingOccurrences(of: "event.ics", with: "index.html"), pages[index - 1].file)
        }
        XCTAssertEqual(pages.filter(\.rendersWithPrevious).count, calendars.count)
    }
}
