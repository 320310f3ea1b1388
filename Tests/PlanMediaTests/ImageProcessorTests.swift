import Foundation
import XCTest
@testable import PlanMedia

/// What PlanMedia publishes from camera photos and pictures, read back with a real decoder
/// (libvips) and by walking the files' containers.
final class ImageProcessorTests: XCTestCase {
    private func processed(_ data: Data, cover: Bool = false) throws -> ProcessedImage {
        let header = try ImageProbe.header(of: data)
        return try ImageProcessor.process(ImageJob(source: .bytes(data), header: header, makesCover: cover))
    }

    private func everyFile(_ image: ProcessedImage) -> [EncodedImage] {
        image.variants.flatMap { [$0.modern, $0.fallback] } + (image.cover.map { [$0] } ?? [])
    }

    func testTheCameraPhotoReallyCarriesTheMetadataThatMustGo() {
        let source = TestPictures.cameraJPEG(width: 640, height: 480, orientation: 6)
        let fields = TestPictures.metadataFields(source)
        for field in [
            "exif-ifd0-Make", "exif-ifd0-Model", "exif-ifd3-GPSLatitude", "exif-ifd3-GPSLongitude",
            "xmp-data", "iptc-data", "orientation"
        ] {
            XCTAssertTrue(fields.contains(field), "the test photo lacks \(field): \(fields)")
        }
        XCTAssertNotNil(source.range(of: Data(CameraMetadata.make.utf8)))
    }

    func testACameraPhotoGivesEveryWidthStrippedOfAllMetadata() throws {
        let source = TestPictures.cameraJPEG(width: 1700, height: 1000)
        let image = try processed(source, cover: true)
        XCTAssertEqual(image.variants.map(\.width), [480, 960, 1600])
        for variant in image.variants {
            XCTAssertEqual(variant.modern.encoding, .webp)
            XCTAssertEqual(variant.fallback.encoding, .jpeg)
            XCTAssertEqual(variant.height, Int((Double(variant.width) * 1000 / 1700).rounded()), "\(variant.width)")
        }
        for file in everyFile(image) {
            let decoded = try XCTUnwrap(TestPictures.decode(file.bytes), "\(file.encoding) \(file.width)")
            XCTAssertEqual([decoded.width, decoded.height, decoded.bands], [file.width, file.height, 3])
            XCTAssertEqual(decoded.interpretation, "srgb")
            XCTAssertTrue(decoded.loader.hasPrefix(file.encoding == .webp ? "webpload" : "jpegload"), decoded.loader)
            let fields = TestPictures.metadataFields(file.bytes)
            XCTAssertEqual(
                fields.filter {
                    $0.hasPrefix("exif") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc")
                        || $0.hasPrefix("icc") || $0 == "orientation"
                }, [], "\(file.encoding) \(file.width)")
            for text in [CameraMetadata.make, CameraMetadata.model, CameraMetadata.photographer, "Exif\0\0"] {
                XCTAssertNil(file.bytes.range(of: Data(text.utf8)), "\(text) in \(file.encoding) \(file.width)")
            }
            switch file.encoding {
            case .jpeg:
                XCTAssertEqual(Containers.jpegSegments(file.bytes).filter { $0.hasPrefix("APP") && $0 != "APP0" }, [])
            case .webp:
                XCTAssertEqual(Set(Containers.webpChunks(file.bytes)).subtracting(["VP8 ", "VP8L", "VP8X", "ALPH"]), [])
            case .png: XCTFail("a photo without transparency is not published as PNG")
            }
        }
    }

    func testAPhotoTaggedToBeTurnedIsPublishedUprightAndNeverEnlarged() throws {
        // Stored 2000x1500 with the red square top left; orientation 6 shows it turned a
        // quarter clockwise: 1500x2000, the square top right.
        let source = TestPictures.cameraJPEG(width: 2000, height: 1500, orientation: 6)
        let header = try ImageProbe.header(of: source)
        XCTAssertEqual(
            [header.storedWidth, header.storedHeight, header.width, header.height, header.orientation],
            [2000, 1500, 1500, 2000, 6])
        let image = try processed(source)
        XCTAssertEqual(
            image.variants.map(\.width), [480, 960, 1500], "1600 would enlarge a picture 1500 wide: its own width")
        XCTAssertEqual(image.variants.map(\.height), [640, 1280, 2000])
        for variant in image.variants {
            for file in [variant.modern, variant.fallback] {
                let decoded = try XCTUnwrap(TestPictures.decode(file.bytes))
                XCTAssertEqual([decoded.width, decoded.height], [variant.width, variant.height])
                let topRight = TestPictures.pixel(file.bytes, x: variant.width - 10, y: 10)
                let topLeft = TestPictures.pixel(file.bytes, x: 10, y: 10)
                XCTAssertTrue(Self.isRed(topRight), "top right of \(file.encoding) \(variant.width): \(topRight)")
                XCTAssertFalse(Self.isRed(topLeft), "top left of \(file.encoding) \(variant.width): \(topLeft)")
                XCTAssertFalse(TestPictures.metadataFields(file.bytes).contains("orientation"))
            }
        }
    }

    private static func isRed(_ pixel: [Double]) -> Bool {
        pixel.count >= 3 && pixel[0] > 200 && pixel[1] < 60 && pixel[2] < 60
    }

    func testAPictureNarrowerThanTheFirstWidthKeepsItsOwnWidth() throws {
        let image = try processed(TestPictures.cameraJPEG(width: 300, height: 200), cover: true)
        XCTAssertEqual(image.variants.map { [$0.width, $0.height] }, [[300, 200]])
        let cover = try XCTUnwrap(image.cover)
        // Not enlarged to 1200x630: the largest box of that shape inside 300x200.
        XCTAssertEqual([cover.width, cover.height], [300, 157])
    }

    func testAPictureWithTransparencyKeepsItsAlphaInWebPAndPNG() throws {
        let image = try processed(TestPictures.rgbaPNG(width: 1000, height: 600), cover: true)
        XCTAssertEqual(image.variants.map(\.width), [480, 960, 1000])
        XCTAssertEqual(
            image.variants.map { [$0.modern.encoding, $0.fallback.encoding] },
            [[.webp, .png], [.webp, .png], [.webp, .png]])
        for file in everyFile(image) {
            let decoded = try XCTUnwrap(TestPictures.decode(file.bytes))
            XCTAssertEqual(decoded.bands, 4, "\(file.encoding) \(file.width)")
            XCTAssertEqual(TestPictures.pixel(file.bytes, x: 5, y: 5).last, 0, "left half transparent")
            XCTAssertEqual(TestPictures.pixel(file.bytes, x: file.width - 5, y: 5).last, 255, "right half opaque")
            if file.encoding == .png {
                XCTAssertEqual(
                    Set(Containers.pngChunks(file.bytes)).intersection([
                        "eXIf", "tEXt", "iTXt", "zTXt",
                        "iCCP", "tIME"
                    ]), [])
            }
        }
        XCTAssertEqual(image.cover?.encoding, .png)
        XCTAssertEqual(image.cover.map { [$0.width, $0.height] }, [1000, 525])
    }

    func testTheCoverIsCutTo1200By630() throws {
        let image = try processed(TestPictures.cameraJPEG(width: 2000, height: 1500, orientation: 6), cover: true)
        let cover = try XCTUnwrap(image.cover)
        XCTAssertEqual(cover.encoding, .jpeg)
        let decoded = try XCTUnwrap(TestPictures.decode(cover.bytes))
        XCTAssertEqual([decoded.width, decoded.height, cover.width, cover.height], [1200, 630, 1200, 630])
        XCTAssertNil(cover.bytes.range(of: Data(CameraMetadata.make.utf8)))
    }

    func testAPhotoInAnotherColourSpaceIsConvertedThroughItsProfile() throws {
        let source = TestPictures.displayP3JPEG(width: 800, height: 600)
        XCTAssertTrue(TestPictures.metadataFields(source).contains("icc-profile-data"))
        let storedRed = TestPictures.pixel(source, x: 10, y: 10)
        XCTAssertLessThan(storedRed[0], 240, "the source's red is stored in P3's numbers: \(storedRed)")
        let image = try processed(source)
        for file in everyFile(image) {
            XCTAssertFalse(TestPictures.metadataFields(file.bytes).contains("icc-profile-data"))
            let red = TestPictures.pixel(file.bytes, x: 5, y: 5)
            XCTAssertTrue(red[0] > 245 && red[1] < 20 && red[2] < 20, "\(file.encoding) \(file.width): \(red)")
        }
    }

    func testAGreyPhotoIsPublishedInSRGB() throws {
        let image = try processed(TestPictures.greyJPEG(width: 600, height: 400))
        for file in everyFile(image) {
            let decoded = try XCTUnwrap(TestPictures.decode(file.bytes))
            XCTAssertEqual([decoded.bands], [3])
            XCTAssertEqual(decoded.interpretation, "srgb")
        }
    }

    func testTheSameSourceGivesTheSameBytesAloneOrInABatch() throws {
        let sources = [
            TestPictures.cameraJPEG(width: 1000, height: 700),
            TestPictures.rgbaPNG(width: 500, height: 500),
            TestPictures.cameraJPEG(width: 700, height: 1000, orientation: 6)
        ]
        let jobs = try sources.map {
            ImageJob(source: .bytes($0), header: try ImageProbe.header(of: $0), makesCover: true)
        }
        let alone = try jobs.map { try ImageProcessor.process($0) }
        let batch = try ImageProcessor.processAll(jobs + jobs, threads: 3).map { try $0.get() }
        XCTAssertEqual(batch, alone + alone)
    }

    func testAFileJobIsReadWhenItRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planmedia-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = TestPictures.cameraJPEG(width: 800, height: 600)
        let path = folder.appendingPathComponent("photo.jpg").path
        try source.write(to: URL(fileURLWithPath: path))
        let header = try ImageProbe.header(of: try ImageProbe.read(path: path))
        let job = ImageJob(source: .file(path: path), header: header, makesCover: false)
        let fromFile = try ImageProcessor.process(job)
        XCTAssertEqual(fromFile, try processed(source))
    }
}
