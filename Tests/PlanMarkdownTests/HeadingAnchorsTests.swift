@testable import PlanMarkdown
import XCTest

final class HeadingAnchorsTests: XCTestCase {
    func testTheScalarWalkAgreesWithTheCharacterWalkOnEveryScalarItTakes() {
        let ranges: [ClosedRange<UInt32>] = [0x00...0x17F, 0x180...0x24F, 0x300...0x36F, 0x400...0x52F, 0x2000...0x206F]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                for text in [
                    "\(scalar)", "Aa\(scalar)Bb", "Заседание \(scalar)2024",
                    "\(scalar)\u{301}x", "x \(scalar) \u{130}"
                ] {
                    XCTAssertEqual(
                        HeadingAnchors.slug(text), HeadingAnchors.slugByCharacters(text.lowercased()),
                        "U+\(String(value, radix: 16)) in \(text.debugDescription)")
                }
            }
        }
    }

    func testSlugsOfHeadingsInTheSiteLanguages() {
        XCTAssertEqual(HeadingAnchors.slug("Areas of cooperation"), "areas-of-cooperation")
        XCTAssertEqual(HeadingAnchors.slug("Реализация плана"), "реализация-плана")
        XCTAssertEqual(
            HeadingAnchors.slug("Іс-шаралар жоспары: 2024–2029"),
            "іс-шаралар-жоспары-2024-2029")
        XCTAssertEqual(HeadingAnchors.slug("Café crème"), "café-crème")
        XCTAssertEqual(HeadingAnchors.slug("Cafe\u{301} 👩‍💻"), "café")
        XCTAssertEqual(HeadingAnchors.slug("— ! —"), "section")
    }

    /// Headings in the site's languages take the scalar walk, not the slower Character walk.
    func testHeadingsInTheSiteLanguagesTakeTheScalarWalk() {
        for heading in [
            "Areas of Cooperation 2024", "РЕАЛИЗАЦИЯ Плана — этап 2",
            "ӘЛЕУМЕТТІК Іс-шаралар: Қазақстан, Өңір, Ұлттық, Үкімет, Һ",
            "Café CRÈME"
        ] {
            XCTAssertNotNil(HeadingAnchors.slugOfSimpleScalars(heading), heading)
        }
        XCTAssertEqual(
            HeadingAnchors.slug("ӘЛЕУМЕТТІК Іс-шаралар: Қазақстан"),
            "әлеуметтік-іс-шаралар-қазақстан")
    }

    /// Repeated headings, and headings that meet an id the page reserves, are numbered.
    func testRepeatedAndReservedIdsAreNumbered() {
        var anchors = HeadingAnchors(reserved: ["main"])
        XCTAssertEqual(
            ["Main", "Plan", "Plan", "Main", "Plan 2"].map { anchors.anchor(for: $0) },
            ["main-2", "plan", "plan-2", "main-3", "plan-2-2"])
    }
}
