import XCTest
@testable import PlanMedia

final class ImageRecipeTests: XCTestCase {
    func testWidthsNeverEnlargeASource() {
        let recipe = ImageRecipe.standard
        XCTAssertEqual(recipe.widths(forSourceWidth: 4000), [480, 960, 1600])
        XCTAssertEqual(recipe.widths(forSourceWidth: 1600), [480, 960, 1600])
        XCTAssertEqual(recipe.widths(forSourceWidth: 1599), [480, 960, 1599])
        XCTAssertEqual(recipe.widths(forSourceWidth: 960), [480, 960])
        XCTAssertEqual(recipe.widths(forSourceWidth: 700), [480, 700])
        XCTAssertEqual(recipe.widths(forSourceWidth: 480), [480])
        XCTAssertEqual(recipe.widths(forSourceWidth: 479), [479])
    }

    func testTheCoverKeepsItsShapeInsideASmallSource() {
        let recipe = ImageRecipe.standard
        XCTAssertTrue(recipe.coverSize(forSourceWidth: 4000, height: 3000) == (1200, 630))
        XCTAssertTrue(recipe.coverSize(forSourceWidth: 1200, height: 630) == (1200, 630))
        XCTAssertTrue(recipe.coverSize(forSourceWidth: 800, height: 600) == (800, 420))
        XCTAssertTrue(recipe.coverSize(forSourceWidth: 3000, height: 315) == (600, 315))
    }

    func testTheKeyChangesWithTheSourceAndEveryParameter() {
        let base = DerivativeKey(sourceDigest: "00ff", recipe: .standard, makesCover: false)
        var otherQuality = ImageRecipe.standard
        otherQuality.webpQuality = 70
        let fewerWidths = ImageRecipe(
            widths: [480, 960], webpQuality: 75, jpegQuality: 80,
            coverWidth: 1200, coverHeight: 630)
        let others = [
            DerivativeKey(sourceDigest: "00fe", recipe: .standard, makesCover: false),
            DerivativeKey(sourceDigest: "00ff", recipe: .standard, makesCover: true),
            DerivativeKey(sourceDigest: "00ff", recipe: otherQuality, makesCover: false),
            DerivativeKey(sourceDigest: "00ff", recipe: fewerWidths, makesCover: false)
        ]
        XCTAssertEqual(Set(others.map(\.text) + [base.text]).count, others.count + 1)
        XCTAssertEqual(base, DerivativeKey(sourceDigest: "00ff", recipe: .standard, makesCover: false))
        XCTAssertTrue(base.text.contains("libvips 8."), base.text)
    }
}
