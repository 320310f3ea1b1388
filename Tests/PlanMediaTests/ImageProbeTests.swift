import Foundation
import XCTest
@testable import PlanMedia

/// The header is read, and a file refused, before any pixel is decoded.
final class ImageProbeTests: XCTestCase {
    func testTheHeaderGivesFormatSizeAlphaAndOrientation() throws {
        XCTAssertEqual(
            try ImageProbe.header(of: TestPictures.cameraJPEG(width: 64, height: 48, orientation: 6)),
            ImageHeader(format: .jpeg, storedWidth: 64, storedHeight: 48, hasAlpha: false, orientation: 6))
        XCTAssertEqual(
            try ImageProbe.header(of: TestPictures.rgbaPNG(width: 30, height: 20)),
            ImageHeader(format: .png, storedWidth: 30, storedHeight: 20, hasAlpha: true, orientation: 1))
    }

    func testAHeaderClaimingMoreThan100MegapixelsIsRefusedWithoutDecoding() throws {
        // A real JPEG whose frame header is rewritten to 12000x9000: decoding it would fail as
        // truncated, so the refusal can only come from the header.
        var bytes = [UInt8](TestPictures.cameraJPEG(width: 64, height: 48))
        let frame = try XCTUnwrap((0..<bytes.count - 9).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes.replaceSubrange(frame + 5..<frame + 9, with: [0x23, 0x28, 0x2E, 0xE0])  // height 9000, width 12000
        XCTAssertThrowsError(try ImageProbe.header(of: Data(bytes))) { error in
            XCTAssertEqual(error as? MediaError, .tooManyPixels(width: 12000, height: 9000, limit: 100_000_000))
            XCTAssertEqual(
                (error as? MediaError)?.message,
                "image too large: 12000x9000 pixels (108 megapixels), at most 100 megapixels")
        }
    }

    func testAFileOver50MBIsRefusedFromItsSizeAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planmedia-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Sparse files: the sizes are real, the disk holds nothing.
        let image = folder.appendingPathComponent("huge.jpg"), attachment = folder.appendingPathComponent("huge.pdf")
        for (url, size) in [(image, 60_000_001), (attachment, 100_000_001)] {
            XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil))
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(size))
            try handle.close()
        }
        XCTAssertThrowsError(try ImageProbe.read(path: image.path)) { error in
            XCTAssertEqual(error as? MediaError, .imageTooLarge(bytes: 60_000_001, limit: 50_000_000))
            XCTAssertEqual((error as? MediaError)?.message, "image too large: 60.1 MB, at most 50 MB")
        }
        XCTAssertThrowsError(try MediaFile.attachmentSize(path: attachment.path)) { error in
            XCTAssertEqual((error as? MediaError)?.message, "attachment too large: 100.1 MB, at most 100 MB")
        }
        let pdf = folder.appendingPathComponent("small.pdf")
        try Data(count: 1_234_567).write(to: pdf)
        XCTAssertEqual(try MediaFile.attachmentSize(path: pdf.path), 1_234_567)
        XCTAssertThrowsError(try MediaFile.attachmentSize(path: folder.appendingPathComponent("none.pdf").path)) {
            XCTAssertTrue((($0 as? MediaError)?.message ?? "").hasPrefix("cannot read file"), "\($0)")
        }
    }

    func testWhatIsNotAnAllowedImageIsRefusedByItsBytesWhateverItsName() {
        let svg = Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#.utf8)
        let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
        for (name, bytes) in [("svg", svg), ("pdf", pdf), ("text", Data("hello, not a photo".utf8))] {
            XCTAssertThrowsError(try ImageProbe.header(of: bytes), name) { error in
                XCTAssertEqual(error as? MediaError, .unsupportedImage(found: nil), name)
                XCTAssertEqual((error as? MediaError)?.message, "not a JPEG, PNG, WebP, GIF or AVIF image", name)
            }
        }
    }

    func testATruncatedPhotoDoesNotDecode() throws {
        let whole = TestPictures.cameraJPEG(width: 800, height: 600)
        let cut = whole.prefix(whole.count / 2)
        let header = try ImageProbe.header(of: cut)
        let job = ImageJob(source: .bytes(cut), header: header, makesCover: false)
        XCTAssertThrowsError(try ImageProcessor.process(job)) {
            guard case .doesNotDecode(let reason)? = $0 as? MediaError else { return XCTFail("\($0)") }
            XCTAssertFalse(reason.isEmpty)
            XCTAssertFalse(reason.contains("\n"))
        }
    }

    func testFailuresInOneBatchKeepTheirOwnMessages() throws {
        let jpeg = TestPictures.cameraJPEG(width: 800, height: 600), png = TestPictures.rgbaPNG(width: 400, height: 300)
        let cutJPEG = jpeg.prefix(jpeg.count / 2), cutPNG = png.prefix(png.count / 2)
        let jobs = try [cutJPEG, cutPNG, jpeg, cutJPEG, cutPNG].map {
            ImageJob(source: .bytes($0), header: try ImageProbe.header(of: $0), makesCover: false)
        }
        let alone = jobs.map { job in Result { () throws(MediaError) in try ImageProcessor.process(job) } }
        let batch = ImageProcessor.processAll(jobs, threads: 4)
        XCTAssertEqual(batch.map(Self.outcome), alone.map(Self.outcome))
        XCTAssertNotEqual(Self.outcome(batch[0]), Self.outcome(batch[1]), "a JPEG's and a PNG's reasons differ")
        XCTAssertEqual(Self.outcome(batch[2]), "ok")
    }

    private static func outcome(_ result: Result<ProcessedImage, MediaError>) -> String {
        switch result {
        case .success: "ok"
        case .failure(let error): error.message
        }
    }
}
