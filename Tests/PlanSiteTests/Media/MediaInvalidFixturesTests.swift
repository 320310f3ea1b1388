import Foundation
import XCTest

@testable import PlanSite

/// The media cases of `Fixtures/invalid` (text files only: an SVG, `meta.yaml`, Markdown, a
/// text attachment): each checked, and its whole diagnostic list compared. Most media are
/// checked once the content has loaded, so these go through `SiteBuilder.check`, not the loader.
final class MediaInvalidFixturesTests: XCTestCase {
    private func assertCheck(
        _ name: String, file: StaticString = #filePath, line: UInt = #line,
        _ expected: (ContentFixture) -> [String]
    ) {
        let fixture = Fixtures.invalid(name)
        switch fixture.check() {
        case .success: XCTFail("\(name) passed the check", file: file, line: line)
        case .failure(let failure):
            XCTAssertEqual(failure.diagnostics.map(\.description), expected(fixture), file: file, line: line)
        }
    }

    /// Scripts, event handlers, HTML in `foreignObject`, and references to another host or file:
    /// each at its line and column in the SVG, with the Markdown position that shows it.
    func testAnUnsafeSVGIsRefusedAtEachProblem() {
        assertCheck("media-svg-unsafe") { f in
            let svg = f.path("events/2025/kickoff-meeting/route.svg")
            let usedAt = " (used at \(f.path("events/2025/kickoff-meeting/en.md")):6:1)"
            return [
                "\(svg):2:3: error: scripts are not allowed (<script>)" + usedAt,
                "\(svg):3:34: error: event handler 'onload' is not allowed" + usedAt,
                "\(svg):4:3: error: <foreignObject> is not allowed: it embeds HTML" + usedAt,
                "\(svg):4:41: error: HTML elements are not allowed (<p>)" + usedAt,
                "\(svg):5:10: error: 'xlink:href' refers to another file or host "
                    + "('https://tracker.example/pixel.png'): only '#id' inside the image" + usedAt,
                "\(svg):6:32: error: url(paint.svg#gold) refers to another file or host: only url(#id) inside "
                    + "the image" + usedAt
            ]
        }
    }

    func testACoverNamingNoFileIsRefused() {
        assertCheck("media-cover-missing") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):4:8: error: no file 'kickoff.jpg' for the cover "
                    + "in events/2025/kickoff-meeting"
            ]
        }
    }

    /// A cover is cut to a 1200x630 picture for link previews, which an SVG cannot be; it would
    /// be shown nowhere. It is used (no "unused" warning beside the error).
    func testAnSVGCoverIsRefused() {
        assertCheck("media-cover-svg") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):4:8: error: the cover 'route.svg' is an SVG, which "
                    + "link previews do not show: a cover is a photo or picture (.jpg, .png, .webp, …)"
            ]
        }
    }

    func testAnAttachmentNamingNoFileIsRefused() {
        assertCheck("media-attachment-missing") { f in
            [
                "\(f.path("documents/charter/meta.yaml")):2:15: error: no file 'charter-signed.pdf' for the "
                    + "attachment in documents/charter"
            ]
        }
    }

    func testAMarkdownLinkToNoFileIsRefused() {
        assertCheck("media-link-missing") { f in
            [
                "\(f.path("areas/alpha/en.md")):4:21: error: no file 'minutes.pdf' in areas/alpha: 'minutes.pdf' "
                    + "names no media file (a file of an item's folder, named without its language)"
            ]
        }
    }

    /// Alt text of only spaces is none.
    func testAnImageWithoutAltTextIsRefused() {
        assertCheck("media-image-without-alt") { f in
            [
                "\(f.path("areas/alpha/en.md")):6:1: error: image without alt text: say what it shows between the "
                    + "brackets, ![what it shows](file.jpg)"
            ]
        }
    }

    /// Refused at the file, with the name to use; the link naming it is not also an error.
    func testAFileNameOutsideTheAllowedCharactersIsRefused() {
        assertCheck("media-bad-file-name") { f in
            [
                "\(f.path("documents/charter/Meeting-Notes.txt")): error: 'Meeting-Notes.txt' is not a valid media "
                    + "file name: use lowercase letters, digits, hyphens and dots (rename it to 'meeting-notes.txt')"
            ]
        }
    }
}
