import XCTest
@testable import PlanSite

/// Sizes as each language of the site writes them (ICU's data, through Foundation).
final class ByteCountTextTests: XCTestCase {
    func testSizesInEnglishRussianAndKazakh() {
        let cases: [(Int, String, String)] = [
            (1_234_567, "en", "1.2 MB"), (1_234_567, "ru", "1,2 МБ"), (1_234_567, "kk", "1,2 МБ"),
            (12_345, "en", "12 kB"), (12_345, "ru", "12 кБ"), (12_345, "kk", "12 кБ"),
            (512, "en", "512 bytes"), (512, "ru", "512 байт"), (0, "en", "0 bytes"), (0, "kk", "0 байт"),
            (2_500_000_000, "en", "2.5 GB"), (2_500_000_000, "ru", "2,5 ГБ"), (2_500_000_000, "kk", "2,5 ГБ")
        ]
        for (bytes, language, expected) in cases {
            XCTAssertEqual(ByteCountText.format(bytes, localeIdentifier: language), expected, "\(bytes) \(language)")
        }
    }

    func testKazakhIsWrittenInCyrillicOnly() {
        let text = ByteCountText.format(3_400_000, localeIdentifier: "kk")
        XCTAssertFalse(text.unicodeScalars.contains { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }, text)
    }
}
