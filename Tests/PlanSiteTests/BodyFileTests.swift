import Foundation
import PlanMarkdown
import XCTest
@testable import PlanSite

/// Event bodies are read again from their files when rendered, and refused if the file changed
/// since it was loaded and checked. A body goes from the file's bytes to cmark, or through the
/// loader's reading when the file has a byte order mark or Windows line endings: either way it
/// is the body the loader read.
final class BodyFileTests: XCTestCase {
    private let text =
        "---\ntitle: \"Meeting\"\nsummary: \"One, two\"\n---\nThe *first* paragraph,\nwrapped.\n\n## Agenda\n\n"
        + "- [The plan](/documents/plan)\n"

    private func reread(_ bytes: [UInt8], in folder: TemporaryFolder, name: String) throws -> MarkdownDocument {
        let path = folder.url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let stamp = try XCTUnwrap(FileStamp.of(path: path))
        return try BodyFile.read(path: path, displayPath: name, stamp: stamp)
    }

    func testEveryWayOfWritingTheFileGivesTheLoadersBody() throws {
        let folder = TemporaryFolder()
        let loaded = try XCTUnwrap(try? FrontMatter.split(SourceFile(displayPath: "en.md", text: text)).get())
        let expected = MarkdownDocument(source: loaded.body, lineOffset: loaded.bodyLineOffset)
        let plain = Array(text.utf8)
        let windows = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let marked = [0xEF, 0xBB, 0xBF] + windows
        for (name, bytes) in [("plain.md", plain), ("windows.md", windows), ("marked.md", marked)] {
            let document = try reread(bytes, in: folder, name: name)
            XCTAssertEqual(document.html(), expected.html(), name)
            XCTAssertEqual(document.lineOffset, 4, name)
            XCTAssertEqual(document.links.map(\.position), [SourcePosition(line: 10, column: 3)], name)
        }
        XCTAssertTrue(expected.html().contains("<h2 id=\"agenda\">Agenda</h2>"))
    }

    func testAnEventBodyIsReadAgainAndAChangedFileIsRefused() throws {
        let content = TemporaryFolder()
        content.write(SmallSite.files)
        let site = try ContentLoader.load(contentDirectory: content.url).get()
        let meeting = try XCTUnwrap(site.events.first { $0.slug == "meeting" })
        let body = try XCTUnwrap(meeting.texts["en"]?.body)
        let file = try XCTUnwrap(body.file)
        XCTAssertEqual(
            try BodyFile.read(path: file.path, displayPath: file.displayPath, stamp: file.stamp).html(),
            "<h2 id=\"details\">Details</h2>\n<p>Body.</p>\n")
        XCTAssertEqual(body.firstParagraph, "Body.")

        content.write([
            "events/2025/meeting/en.md": "---\ntitle: Expert meeting, renamed\n---\nAnother body, longer than before.\n"
        ])
        XCTAssertThrowsError(try BodyFile.read(path: file.path, displayPath: file.displayPath, stamp: file.stamp)) {
            error in
            XCTAssertEqual((error as? BodyChanged)?.path.hasSuffix("events/2025/meeting/en.md"), true)
        }
    }
}
