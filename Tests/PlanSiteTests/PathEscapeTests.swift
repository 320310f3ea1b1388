import Foundation
import XCTest

@testable import PlanSite

/// No slug or file name can make the builder write outside the output folder (issue 5): the
/// loader accepts only plain slugs, and the writer refuses any other path whatever made it.
final class PathEscapeTests: XCTestCase {
    func testSlugsThatCouldNameAnotherPlaceAreInvalid() {
        for name in [
            "..", ".", "", "a/b", "a\\b", "../etc", "%2e%2e", "a b", "A", "é", "a\u{0}b", "-a", "a-", "a--b", "a.html",
            "ａ"
        ] {
            XCTAssertFalse(Slug.isValid(name), name)
        }
        for name in ["a", "cybercrime", "forum-2024-06-25", "2025"] {
            XCTAssertTrue(Slug.isValid(name), name)
        }
    }

    /// A folder name only a hostile file system tool would make: refused as a slug, not written.
    func testAFolderNamedWithABackslashIsRefusedAtLoad() throws {
        let folder = TemporaryFolder()
        let content = folder.url.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.invalidBase.url, to: content)
        folder.write([
            "content/areas/x\\..\\..\\escape/meta.yaml": "number: 3\n",
            "content/areas/x\\..\\..\\escape/en.md": "---\ntitle: Escape\n---\n"
        ])
        let fixture = ContentFixture(content)
        XCTAssertEqual(
            fixture.loadDiagnostics(),
            [
                "\(fixture.path("areas/x\\..\\..\\escape")): error: 'x\\..\\..\\escape' is not a valid folder name "
                    + "(slug): use lowercase letters a-z, digits and single hyphens between them"
            ])
    }

    func testTheWriterRefusesPathsThatLeaveTheOutputFolder() throws {
        let folder = TemporaryFolder()
        let writer = OutputWriter.remembering(folder.url.appendingPathComponent("public"))
        try writer.begin()
        defer { writer.discard() }
        let refused: [(String, String)] = [
            ("", "the path is empty"),
            ("/etc/passwd", "the path is absolute"),
            ("../outside.html", "the path has a '..' component"),
            ("en/../../outside.html", "the path has a '..' component"),
            ("en/./index.html", "the path has a '.' component"),
            ("en//index.html", "the path has an empty component"),
            ("en/", "the path has an empty component"),
            ("..\\outside.html", "the path contains a backslash"),
            ("en/\nindex.html", "the path contains a control character")
        ]
        for (path, reason) in refused {
            XCTAssertThrowsError(try writer.write(path, Data("x".utf8)), path) { error in
                XCTAssertEqual(error as? OutputPath.Refused, OutputPath.Refused(path: path, reason: reason))
            }
        }
        try writer.write("en/events/forum/index.html", Data("ok".utf8))
        XCTAssertEqual(TemporaryFolder.list(folder.url), [".public.plansite-staging/en/events/forum/index.html"])
    }

    /// A refused path fails the build with a diagnostic and leaves the previous site alone.
    func testARefusedPathFailsTheWholeWrite() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("public")
        let first = OutputWriter.remembering(output)
        try first.begin()
        try first.write("index.html", Data("old".utf8))
        try first.commitAndRemember()

        let second = OutputWriter.remembering(output)
        try second.begin()
        try second.write("index.html", Data("new".utf8))
        XCTAssertThrowsError(try second.write("../index.html", Data("escaped".utf8)))
        second.discard()
        XCTAssertEqual(
            TemporaryFolder.list(folder.url),
            [".public.plansite-manifest", "public/.plansite-output", "public/index.html"])
        XCTAssertEqual(folder.read("public/index.html"), "old")
    }
}
