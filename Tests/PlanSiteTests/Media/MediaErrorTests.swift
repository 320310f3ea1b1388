import Foundation
import XCTest

@testable import PlanSite

/// Every media file the contract refuses (CONTENT.md, "Media"; issue 19, point 5), each a small
/// change to `valid-basic` made at test time (pictures, sizes) or a case of `Fixtures/invalid`
/// (text files): the whole diagnostic, at the file and where the text uses it.
final class MediaErrorTests: XCTestCase {
    private static let event = MediaSite.event

    /// valid-basic with `texts` and `files` written over it.
    private func site(_ texts: [String: String], files: [String: Data] = [:]) throws -> OverlaidFixture {
        let site = Fixtures.validBasic.overlaid(texts)
        for (path, bytes) in files { try bytes.write(to: site.url.appendingPathComponent(path)) }
        return site
    }

    /// The event's English text: a paragraph, then `line6` on line 6.
    private func eventText(_ line6: String, frontMatter: String = "") -> [String: String] {
        ["\(Self.event)/en.md": "---\ntitle: Field week\n\(frontMatter)---\nFive days in the field.\n\n\(line6)\n"]
    }

    private func problems(
        _ result: Result<BuildSummary, BuildFailure>, file: StaticString = #filePath, line: UInt = #line
    )
        -> [String]
    {
        switch result {
        case .success: XCTFail("the site passed", file: file, line: line); return []
        case .failure(let failure): return failure.diagnostics.map(\.description)
        }
    }

    private func checkProblems(_ fixture: ContentFixture, file: StaticString = #filePath, line: UInt = #line)
        -> [String]
    {
        problems(fixture.check(), file: file, line: line)
    }

    private func buildProblems(
        _ fixture: ContentFixture, output: URL, file: StaticString = #filePath, line: UInt = #line
    )
        -> [String]
    {
        problems(SiteBuilder.build(MediaSite.options(content: fixture.url, output: output)), file: file, line: line)
    }

    // MARK: Pictures

    /// A photo whose header reads but whose data stops halfway is found when it is decoded:
    /// the build fails at the file, naming where the text shows it.
    func testATruncatedPhotoFailsTheBuild() throws {
        let whole = TestPictures.cameraJPEG(width: 1200, height: 800)
        let site = try site(
            eventText("![A torn photo](torn.jpg)"), files: ["\(Self.event)/torn.jpg": TestFiles.truncated(whole)])
        let output = TemporaryFolder()
        let f = site.fixture
        XCTAssertEqual(
            buildProblems(f, output: output.url.appendingPathComponent("public")),
            [
                "\(f.path("\(Self.event)/torn.jpg")): error: image does not decode: VipsJpeg: Premature end of "
                    + "input file (used at \(f.path("\(Self.event)/en.md")):6:1)"
            ])
    }

    /// Over 100 megapixels is refused from the header alone: this PNG has no pixels at all,
    /// so any attempt to decode it would fail otherwise.
    func testAnImageOver100MegapixelsIsRefusedFromItsHeader() throws {
        let site = try site(
            eventText("![The whole steppe](steppe.png)"),
            files: ["\(Self.event)/steppe.png": TestFiles.pngClaiming(width: 12_000, height: 9_000)])
        let f = site.fixture
        XCTAssertEqual(
            checkProblems(f),
            [
                "\(f.path("\(Self.event)/steppe.png")): error: image too large: 12000x9000 pixels (108 megapixels), "
                    + "at most 100 megapixels (used at \(f.path("\(Self.event)/en.md")):6:1)"
            ])
    }

    /// Over 50 MB an image, over 100 MB an attachment: refused from the size the folder lists,
    /// before a byte is read (the files are sparse: zeros that would not decode). The text and
    /// `attachments:` naming them are not also told there is no such file.
    func testFilesOverTheSizeLimitsAreRefusedUnread() throws {
        let site = try site(
            eventText("![The camp](camp.jpg) and [the report](report.pdf)")
                .merging(["\(Self.event)/meta.yaml": "start: 2025-05-05\nattachments: [report.pdf]\n"]) { $1 })
        try TestFiles.writeSparse(size: 50_000_001, to: site.url.appendingPathComponent("\(Self.event)/camp.jpg"))
        try TestFiles.writeSparse(size: 100_000_001, to: site.url.appendingPathComponent("\(Self.event)/report.pdf"))
        let f = site.fixture
        XCTAssertEqual(
            checkProblems(f),
            [
                "\(f.path("\(Self.event)/camp.jpg")): error: image too large: 50.1 MB, at most 50 MB",
                "\(f.path("\(Self.event)/report.pdf")): error: attachment too large: 100.1 MB, at most 100 MB"
            ])
    }

    /// A file that is not an image under an image's name is refused by its bytes, before any
    /// parser but the allowed images' sees it (a damaged PDF would otherwise reach poppler).
    func testAFileThatIsNoImageUnderAnImagesNameIsRefused() throws {
        let site = try site(
            eventText("![The agenda](agenda.jpg)"), files: ["\(Self.event)/agenda.jpg": Data("%PDF-1.4\n".utf8)])
        let f = site.fixture
        XCTAssertEqual(
            checkProblems(f),
            [
                "\(f.path("\(Self.event)/agenda.jpg")): error: not a JPEG, PNG, WebP, GIF or AVIF image "
                    + "(used at \(f.path("\(Self.event)/en.md")):6:1)"
            ])
    }

    // MARK: Names, alt text, uses

    /// A camera's name and a name with a space: lowercase letters, digits, hyphens and dots
    /// only, with the name to use instead; the image that shows one is not also "no file".
    func testFileNamesOutsideTheAllowedCharactersAreRefused() throws {
        let photo = TestPictures.cameraJPEG(width: 600, height: 400)
        let site = try site(
            eventText("![The camp](IMG_0001.jpg)"),
            files: ["\(Self.event)/IMG_0001.jpg": photo, "\(Self.event)/Photo 02.JPG": photo])
        let f = site.fixture
        XCTAssertEqual(
            checkProblems(f),
            [
                "\(f.path("\(Self.event)/IMG_0001.jpg")): error: 'IMG_0001.jpg' is not a valid media file name: use "
                    + "lowercase letters, digits, hyphens and dots (rename it to 'img-0001.jpg')",
                "\(f.path("\(Self.event)/Photo 02.JPG")): error: 'Photo 02.JPG' is not a valid media file name: use "
                    + "lowercase letters, digits, hyphens and dots (rename it to 'photo-02.jpg')"
            ])
    }

    /// A cover needs its alt text in every language that shows it: at the start of the
    /// language file that lacks it.
    func testACoverWithoutAltTextInALanguageIsRefused() throws {
        let site = try site(
            eventText("Text.", frontMatter: "coverAlt: Delegates in the field\n").merging([
                "\(Self.event)/meta.yaml": "start: 2025-05-05\nend: 2025-05-09\narea: gamma\ncover: field.jpg\n"
            ]) { $1 },
            files: ["\(Self.event)/field.jpg": TestPictures.cameraJPEG(width: 1300, height: 700)])
        let f = site.fixture
        XCTAssertEqual(
            checkProblems(f),
            [
                "\(f.path("\(Self.event)/ru.md")):1:1: error: the cover 'field.jpg' needs its alt text in this "
                    + "language: add 'coverAlt: …' to the front matter, saying what it shows"
            ])
    }

    /// A file nothing names is a warning, and is not published.
    func testAFileNothingUsesIsAWarningAndIsNotPublished() throws {
        let site = try site([:], files: ["\(Self.event)/spare.pdf": TestFiles.pdf(saying: "Spare", size: 900)])
        let f = site.fixture
        let output = TemporaryFolder()
        let summary = try XCTUnwrap(
            build(content: f.url, output: output.url.appendingPathComponent("public"), today: MediaSite.today))
        XCTAssertEqual(
            summary.warnings.map(\.description),
            [
                "\(f.path("\(Self.event)/spare.pdf")): warning: 'spare.pdf' is not used (no link, image, cover or "
                    + "attachment names 'spare.pdf'), so it is not published"
            ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.url.appendingPathComponent("public/media").path))
    }

    /// A cover that is no image, an attachment that is one, two pictures that would publish
    /// under the same names, a text showing another item's file.
    func testFilesUsedForWhatTheyAreNotAreRefused() throws {
        let photo = TestPictures.cameraJPEG(width: 600, height: 400)
        let pdf = TestFiles.pdf(saying: "Plan", size: 900)
        let site = try site(
            eventText("![The plan's seal](../../../documents/charter/seal.jpg)").merging([
                "\(Self.event)/meta.yaml": "start: 2025-05-05\ncover: plan.pdf\nattachments: [camp.jpg]\n",
                "documents/charter/en.md": "---\ntitle: Charter\n---\n![The seal](seal.jpg)\n"
            ]) { $1 },
            files: [
                "\(Self.event)/plan.pdf": pdf, "\(Self.event)/camp.jpg": photo, "\(Self.event)/camp.png": photo,
                "documents/charter/seal.jpg": photo
            ])
        let f = site.fixture, meta = f.path("\(Self.event)/meta.yaml")
        XCTAssertEqual(
            checkProblems(f),
            [
                "\(f.path("\(Self.event)/camp.png")): error: 'camp.png' and 'camp.jpg' would publish pictures under "
                    + "the same names (camp-480.webp, …): rename one",
                "\(f.path("\(Self.event)/en.md")):6:1: error: '../../../documents/charter/seal.jpg' is a file of "
                    + "documents/charter: a text shows and links the files of its own folder; copy it into "
                    + "\(Self.event)",
                "\(meta):2:8: error: the cover 'plan.pdf' is not an image: a cover is a photo or picture (.jpg, "
                    + ".png, .webp, …)",
                "\(meta):3:15: error: 'camp.jpg' is an image: show it in the text or as the cover; attachments are "
                    + "documents (.pdf, .docx, …)"
            ])
    }
}
