import XCTest
@testable import PlanMedia

final class AttachmentKindTests: XCTestCase {
    func testEveryAttachmentExtensionOfTheContractHasAKind() {
        let extensions = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt", "zip"]
        XCTAssertEqual(extensions.compactMap(AttachmentKind.init(fileExtension:)).count, extensions.count)
        XCTAssertEqual(Set(extensions.compactMap(AttachmentKind.init(fileExtension:))), Set(AttachmentKind.allCases))
        XCTAssertEqual(AttachmentKind(fileExtension: "PDF"), .pdf)
        XCTAssertNil(AttachmentKind(fileExtension: "exe"))
        XCTAssertNil(AttachmentKind(fileExtension: "jpg"))
    }

    func testTypesAndNames() {
        XCTAssertEqual(AttachmentKind.pdf.mimeType, "application/pdf")
        XCTAssertEqual(AttachmentKind.pdf.englishName, "PDF")
        XCTAssertEqual(AttachmentKind.word.englishName, "Word document")
        XCTAssertEqual(
            AttachmentKind.word.mimeType,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        XCTAssertEqual(AttachmentKind.csv.mimeType, "text/csv")
    }
}
