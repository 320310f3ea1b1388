import Foundation
import XCTest

@testable import PlanSite

/// A run with media problems reports all of them at once, and a failed build, wherever it
/// fails (checking a file, or decoding a photo while the pages are written), leaves the
/// previous output exactly as it was.
final class MediaFailedBuildTests: XCTestCase {
    private static let event = MediaSite.event

    /// Problems of three items in one run: a load error in the charter's text (no alt text), a
    /// refused file name in an area, and in the event a missing cover, an attachment over
    /// 100 MB, an SVG with a script, a photo over 100 megapixels and a link to no file.
    func testEveryMediaProblemOfARunIsReportedAtOnce() throws {
        let site = Fixtures.validBasic.overlaid([
            "documents/charter/en.md": "---\ntitle: Charter\n---\nThe seal: ![](seal.svg)\n",
            "documents/charter/seal.svg": #"<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>"#,
            "\(Self.event)/meta.yaml": "start: 2025-05-05\ncover: missing.jpg\nattachments: [report.pdf]\n",
            "\(Self.event)/en.md": """
            ---
            title: Field week
            ---
            ![Map](map.svg)

            ![The steppe](steppe.png), [report](report.pdf) and [minutes](minutes.pdf).

            """,
            "\(Self.event)/map.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>go()</script>\n</svg>\n"
        ])
        try TestFiles.pngClaiming(width: 12_000, height: 9_000)
            .write(to: site.url.appendingPathComponent("\(Self.event)/steppe.png"))
        try TestFiles.writeSparse(size: 100_000_001, to: site.url.appendingPathComponent("\(Self.event)/report.pdf"))
        try Data("%PDF-1.4\n".utf8).write(to: site.url.appendingPathComponent("areas/alpha/Photo 01.pdf"))
        let f = site.fixture, text = f.path("\(Self.event)/en.md")
        guard case .failure(let failure) = f.check() else { return XCTFail("the site passed") }
        XCTAssertEqual(
            failure.diagnostics.map(\.description),
            [
                "\(f.path("areas/alpha/Photo 01.pdf")): error: 'Photo 01.pdf' is not a valid media file name: use "
                    + "lowercase letters, digits, hyphens and dots (rename it to 'photo-01.pdf')",
                "\(f.path("documents/charter/en.md")):4:11: error: image without alt text: say what it shows between "
                    + "the brackets, ![what it shows](file.jpg)",
                "\(text):6:53: error: no file 'minutes.pdf' in \(Self.event): 'minutes.pdf' names no media file (a "
                    + "file of an item's folder, named without its language)",
                "\(f.path("\(Self.event)/map.svg")):2:1: error: scripts are not allowed (<script>) "
                    + "(used at \(text):4:1)",
                "\(f.path("\(Self.event)/meta.yaml")):2:8: error: no file 'missing.jpg' for the cover in \(Self.event)",
                "\(f.path("\(Self.event)/report.pdf")): error: attachment too large: 100.1 MB, at most 100 MB",
                "\(f.path("\(Self.event)/steppe.png")): error: image too large: 12000x9000 pixels (108 megapixels), at "
                    + "most 100 megapixels (used at \(text):6:1)"
            ])
    }

    /// Every file of the output folder with its bytes, and the build memory's manifest beside it.
    private func snapshot(_ output: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in TemporaryFolder.list(output) {
            files[name] = try Data(contentsOf: output.appendingPathComponent(name))
        }
        let manifest = output.deletingLastPathComponent().appendingPathComponent(".public.plansite-manifest")
        files["(manifest)"] = try Data(contentsOf: manifest)
        return files
    }

    /// The media site built, then built again with a photo that fails only when decoded (the
    /// pages are being written by then), then with an SVG that fails its check: each failure
    /// leaves every byte of the output as the first build wrote it. Fixed, the next build takes
    /// every picture from the store.
    func testAFailedBuildLeavesThePreviousOutputAsItWas() throws {
        let folder = TemporaryFolder()
        let content = folder.url.appendingPathComponent("content"), output = folder.url.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try MediaSite.write(into: content)
        let options = MediaSite.options(content: content, output: output)
        guard case .success = SiteBuilder.build(options) else { return XCTFail("the media site failed") }
        let before = try snapshot(output)
        XCTAssertGreaterThan(before.count, 100)

        let english = content.appendingPathComponent("\(Self.event)/en.md")
        let text = try String(contentsOf: english, encoding: .utf8)
        let torn = TestFiles.truncated(TestPictures.cameraJPEG(width: 1000, height: 700))
        try torn.write(to: content.appendingPathComponent("\(Self.event)/torn.jpg"))
        try (text + "\n![A torn photo](torn.jpg)\n").write(to: english, atomically: true, encoding: .utf8)
        guard case .failure(let decoding) = SiteBuilder.build(options) else { return XCTFail("a torn photo passed") }
        XCTAssertEqual(decoding.diagnostics.count, 1)
        XCTAssertTrue(decoding.outputLeftAsItWas)
        XCTAssertEqual(try snapshot(output), before, "after a photo failed to decode")

        try FileManager.default.removeItem(at: content.appendingPathComponent("\(Self.event)/torn.jpg"))
        try "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"go()\"/>\n".write(
            to: content.appendingPathComponent("\(Self.event)/route.svg"), atomically: true, encoding: .utf8)
        try text.write(to: english, atomically: true, encoding: .utf8)
        guard case .failure(let checking) = SiteBuilder.build(options) else { return XCTFail("the SVG passed") }
        XCTAssertEqual(
            checking.diagnostics.map(\.message),
            [
                "event handler 'onload' is not allowed (used at "
                    + "\(DisplayPath.of(english)):9:11)"
            ])
        XCTAssertEqual(try snapshot(output), before, "after an SVG failed its check")

        try Data(MediaSite.texts["\(Self.event)/route.svg"]!.utf8)
            .write(to: content.appendingPathComponent("\(Self.event)/route.svg"))
        guard case .success(let fixed) = SiteBuilder.build(options) else { return XCTFail("the fixed site failed") }
        XCTAssertEqual([fixed.imagesMade, fixed.imagesFromStore], [0, 4])
    }
}
