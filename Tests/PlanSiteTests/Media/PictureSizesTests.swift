import XCTest

@testable import PlanSite

/// The theme's `media.yaml`: the `sizes` of pictures, read with positions for its errors.
final class PictureSizesTests: XCTestCase {
    private func load(_ text: String?) -> (PictureSizes, [String]) {
        let folder = TemporaryFolder()
        if let text { folder.write(["media.yaml": text]) }
        var log = DiagnosticLog()
        let sizes = PictureSizes.load(
            folder.url.appendingPathComponent("media.yaml"), shown: "theme/media.yaml", log: &log)
        return (sizes, log.sorted.map(\.description))
    }

    func testTheShippedThemeSaysWhatTheDefaultsAre() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try String(contentsOf: root.appendingPathComponent("theme/media.yaml"), encoding: .utf8)
        let (sizes, problems) = load(shipped)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(sizes, PictureSizes())
    }

    func testAThemeSetsItsOwnSizesOrLeavesTheDefaults() {
        let (sizes, problems) = load("sizes:\n  content: \"(min-width: 60rem) 58rem, 100vw\"\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(sizes.content, "(min-width: 60rem) 58rem, 100vw")
        XCTAssertEqual(sizes.card, PictureSizes().card)
        XCTAssertEqual(load(nil).0, PictureSizes(), "a theme without the file")
    }

    func testAValueThatWouldBreakTheAttributeOrAnUnknownKeyIsAnError() {
        let (_, problems) = load("sizes:\n  card: '100vw\" onload=\"x'\n  cover: 10vw\n")
        XCTAssertEqual(
            problems,
            [
                "theme/media.yaml:2:9: error: 'card' must be a media condition list such as "
                    + "\"(min-width: 48rem) 46rem, 100vw\"",
                "theme/media.yaml:3:3: error: unknown key 'cover' in 'sizes' (allowed: content, card)"
            ])
    }
}
