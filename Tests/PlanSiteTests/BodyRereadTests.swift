import Foundation
import PlanMarkdown
import XCTest
@testable import PlanSite

/// An event's body is read again from its file when its page is rendered: straight from the
/// file's bytes, or through the loader's reading when the file has a byte order mark or Windows
/// line endings. Either way it is the body the loader read.
final class BodyRereadTests: XCTestCase {
    private let text = "---\ntitle: \"Meeting\"\nsummary: \"One, two\"\n---\nThe *first* paragraph,\nwrapped.\n\n## Agenda\n\n- [The plan](/documents/plan)\n"

    private func reread(_ bytes: [UInt8], in folder: TemporaryFolder, name: String) throws -> MarkdownDocument {
        let path = folder.url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let stamp = try XCTUnwrap(FileStamp.of(path: path))
        return try Body(links: [], firstParagraph: nil, path: path, displayPath: name, stamp: stamp).document()
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

    func testAFileChangedSinceItWasLoadedIsRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.url.appendingPathComponent("en.md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let stamp = try XCTUnwrap(FileStamp.of(path: path))
        try Data((text + "More.\n").utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Body(links: [], firstParagraph: nil, path: path, displayPath: "en.md", stamp: stamp).document())
    }
}
