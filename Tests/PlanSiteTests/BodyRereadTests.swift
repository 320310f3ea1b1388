import Foundation
import XCTest
@testable import PlanSite

/// Event bodies are read again from their files when rendered, and refused if the file changed
/// since it was loaded and checked.
final class BodyRereadTests: XCTestCase {
    func testAnEventBodyIsReadAgainAndAChangedFileIsRefused() throws {
        let content = TemporaryFolder()
        content.write(SmallSite.files)
        let site = try ContentLoader.load(contentDirectory: content.url).get()
        let meeting = try XCTUnwrap(site.events.first { $0.slug == "meeting" })
        let body = try XCTUnwrap(meeting.texts["en"]?.body)
        XCTAssertEqual(try body.document().html(), "<h2 id=\"details\">Details</h2>\n<p>Body.</p>\n")
        XCTAssertEqual(body.firstParagraph, "Body.")

        content.write(["events/2025/meeting/en.md": "---\ntitle: Expert meeting, renamed\n---\nAnother body, longer than before.\n"])
        XCTAssertThrowsError(try body.document()) { error in
            XCTAssertEqual((error as? BodyChanged)?.path.hasSuffix("events/2025/meeting/en.md"), true)
        }
    }
}
