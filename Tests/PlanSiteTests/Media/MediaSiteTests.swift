import Foundation
import XCTest

@testable import PlanSite

/// What a build publishes of the media fixture's photos and files, read back from the output
/// folder with libvips (a real decoder) and by walking the files' containers.
final class MediaSiteTests: XCTestCase {
    private let built = MediaSite.built
    private let event = MediaSite.eventMedia

    /// Each image's pictures: every width up to its own upright width (its own added when it
    /// lies between two), never enlarged; WebP beside JPEG, or beside PNG with transparency.
    /// Attachments and the SVG as they are; the originals nowhere.
    func testEveryImageGetsItsWidthsInTwoFormatsAndNoOriginalIsPublished() throws {
        _ = try built.summary()
        let expected = [
            "documents/charter/charter-signed.en.pdf", "documents/charter/charter-signed.ru.pdf",
            "events/field-week/agenda.pdf", "events/field-week/agenda.ru.pdf",
            "events/field-week/emblem-480.png", "events/field-week/emblem-480.webp",
            "events/field-week/emblem-640.png", "events/field-week/emblem-640.webp",
            "events/field-week/field-01-1200.jpg", "events/field-week/field-01-1200.webp",
            "events/field-week/field-01-480.jpg", "events/field-week/field-01-480.webp",
            "events/field-week/field-01-960.jpg", "events/field-week/field-01-960.webp",
            "events/field-week/field-02-1600.jpg", "events/field-week/field-02-1600.webp",
            "events/field-week/field-02-480.jpg", "events/field-week/field-02-480.webp",
            "events/field-week/field-02-960.jpg", "events/field-week/field-02-960.webp",
            "events/field-week/field-02-cover.jpg", "events/field-week/minutes.ru.pdf",
            "events/field-week/route.svg",
            "home/welcome-480.jpg", "home/welcome-480.webp", "home/welcome-800.jpg", "home/welcome-800.webp"
        ]
        XCTAssertEqual(TemporaryFolder.list(built.output.appendingPathComponent("media")), expected)

        let originals = try [
            "\(MediaSite.event)/field-01.jpg", "\(MediaSite.event)/field-02.jpg",
            "\(MediaSite.event)/emblem.png", "home/welcome.jpg"
        ].map { path in
            try XCTUnwrap(FileManager.default.contents(atPath: built.content.appendingPathComponent(path).path))
        }
        for file in TemporaryFolder.list(built.output) {
            let bytes = try built.data(file)
            XCTAssertFalse(originals.contains(bytes), "\(file) is an original")
        }
        // Attachments and the SVG are the editor's bytes.
        for (path, published) in [
            ("\(MediaSite.event)/agenda.ru.pdf", "\(event)/agenda.ru.pdf"),
            ("documents/charter/charter-signed.en.pdf", "media/documents/charter/charter-signed.en.pdf"),
            ("\(MediaSite.event)/route.svg", "\(event)/route.svg")
        ] {
            XCTAssertEqual(
                try built.data(published),
                FileManager.default.contents(atPath: built.content.appendingPathComponent(path).path),
                published)
        }
    }

    /// Every picture decodes whole at the width its name gives, keeps its source's shape
    /// (upright), is sRGB, and carries no metadata in any form libvips reads or a container holds.
    func testEveryPictureDecodesAtItsWidthUprightAndWithoutMetadata() throws {
        _ = try built.summary()
        // Upright sizes: field-01 is stored 2000x1200 with orientation 6.
        let upright = ["field-01": (1200, 2000), "field-02": (2400, 1600), "emblem": (640, 400), "welcome": (800, 500)]
        let pictures = TemporaryFolder.list(built.output.appendingPathComponent("media")).filter { name in
            [".jpg", ".webp", ".png"].contains { name.hasSuffix($0) }
        }
        XCTAssertEqual(pictures.count, 21)
        for name in pictures {
            let bytes = try built.data("media/" + name)
            let decoded = try XCTUnwrap(TestPictures.decode(bytes), "\(name) does not decode")
            // `field-01-480.jpg`: the source's stem, then the width or `cover`.
            let file = (name as NSString).lastPathComponent
            let base = (file as NSString).deletingPathExtension
            let dash = try XCTUnwrap(base.lastIndex(of: "-"))
            let stem = String(base[..<dash]), role = String(base[base.index(after: dash)...])
            let (width, height) = try XCTUnwrap(upright[stem], name)
            if role == "cover" {
                XCTAssertEqual([decoded.width, decoded.height], [1200, 630], name)
            } else {
                XCTAssertEqual(decoded.width, Int(role), name)
                XCTAssertEqual(
                    Double(decoded.height), (Double(decoded.width) * Double(height) / Double(width)).rounded(),
                    accuracy: 1, name)
            }
            XCTAssertEqual(decoded.interpretation, "srgb", name)
            let loader = ["jpg": "jpegload", "webp": "webpload", "png": "pngload"][(file as NSString).pathExtension]!
            XCTAssertTrue(decoded.loader.hasPrefix(loader), "\(name): \(decoded.loader)")
            XCTAssertEqual(decoded.bands, stem == "emblem" ? 4 : 3, "\(name): transparency kept, and only there")
            assertNoMetadata(bytes, name)
        }
    }

    /// The photo turned by orientation 6 (a quarter clockwise) is published turned: its red
    /// square, stored top left, is top right; the one with orientation 3 (half a turn) has it
    /// bottom right. Width and height are those of the upright picture.
    func testTurnedPhotosArePublishedUpright() throws {
        _ = try built.summary()
        for (file, corner) in [
            ("\(event)/field-01-480.jpg", "top right"), ("\(event)/field-01-960.webp", "top right"),
            ("media/home/welcome-480.jpg", "bottom right"), ("media/home/welcome-800.webp", "bottom right")
        ] {
            let bytes = try built.data(file)
            let decoded = try XCTUnwrap(TestPictures.decode(bytes))
            let right = decoded.width - 8, bottom = decoded.height - 8
            let red = corner == "top right" ? (right, 8) : (right, bottom)
            let notRed = [(8, 8), corner == "top right" ? (right, bottom) : (right, 8)]
            XCTAssertTrue(isRed(TestPictures.pixel(bytes, x: red.0, y: red.1)), "\(file): \(corner) is not red")
            for (x, y) in notRed {
                XCTAssertFalse(isRed(TestPictures.pixel(bytes, x: x, y: y)), "\(file): (\(x), \(y)) is red")
            }
        }
        let turned = try XCTUnwrap(TestPictures.decode(try built.data("\(event)/field-01-480.webp")))
        XCTAssertEqual([turned.width, turned.height], [480, 800])
    }

    private func isRed(_ pixel: [Double]) -> Bool {
        pixel.count >= 3 && pixel[0] > 200 && pixel[1] < 70 && pixel[2] < 70
    }

    /// Nothing a camera wrote (make, model, GPS position, XMP creator, IPTC by-line) in any
    /// form: as libvips' fields, as container segments or chunks, or as bytes.
    private func assertNoMetadata(_ bytes: Data, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let fields = TestPictures.metadataFields(bytes).filter { field in
            ["exif", "xmp", "iptc", "icc", "gps"].contains { field.hasPrefix($0) } || field == "orientation"
        }
        XCTAssertEqual(fields, [], name, file: file, line: line)
        for text in [CameraMetadata.make, CameraMetadata.model, CameraMetadata.photographer, "Exif\0\0"] {
            XCTAssertNil(bytes.range(of: Data(text.utf8)), "\(text) in \(name)", file: file, line: line)
        }
        switch (name as NSString).pathExtension {
        case "jpg":
            let segments = Containers.jpegSegments(bytes)
            XCTAssertEqual(segments.filter { $0.hasPrefix("APP") && $0 != "APP0" || $0 == "COM" }, [], name)
        case "webp":
            XCTAssertEqual(Set(Containers.webpChunks(bytes)).subtracting(["VP8 ", "VP8L", "VP8X", "ALPH"]), [], name)
        default:
            let chunks = Set(Containers.pngChunks(bytes))
            XCTAssertEqual(chunks.intersection(["eXIf", "tEXt", "iTXt", "zTXt", "iCCP", "tIME"]), [], name)
        }
    }

    /// The sources really carry what must go: the test proves nothing otherwise.
    func testTheFixturePhotosCarryCameraMetadata() throws {
        let photo = try XCTUnwrap(
            FileManager.default.contents(
                atPath: built.content.appendingPathComponent("\(MediaSite.event)/\(MediaSite.turnedPhoto)").path))
        let fields = TestPictures.metadataFields(photo)
        for field in ["exif-ifd0-Make", "exif-ifd0-Model", "exif-ifd3-GPSLatitude", "xmp-data", "iptc-data"] {
            XCTAssertTrue(fields.contains(field), "\(field) missing from \(fields)")
        }
        XCTAssertEqual(TestPictures.decode(photo).map { [$0.width, $0.height] }, [2000, 1200])
        let emblem = try XCTUnwrap(
            FileManager.default.contents(
                atPath: built.content.appendingPathComponent("\(MediaSite.event)/\(MediaSite.emblem)").path))
        XCTAssertTrue(Containers.pngChunks(emblem).contains("tEXt"))
        XCTAssertEqual(TestPictures.decode(emblem)?.bands, 4)
    }

    /// The link preview's picture: the cover cut to 1200x630, a baseline JPEG without metadata.
    func testTheCoverIsCutTo1200x630() throws {
        _ = try built.summary()
        let cover = try built.data("\(event)/field-02-cover.jpg")
        let decoded = try XCTUnwrap(TestPictures.decode(cover))
        XCTAssertEqual([decoded.width, decoded.height, decoded.bands], [1200, 630, 3])
        XCTAssertTrue(decoded.loader.hasPrefix("jpegload"), decoded.loader)
        XCTAssertFalse(
            FileManager.default.fileExists(
                atPath: built.output.appendingPathComponent(
                    "\(event)/field-01-cover.jpg"
                ).path), "only the cover gets a preview picture")
    }

    /// The build's report counts the images it decoded.
    func testTheSummaryCountsTheImagesMade() throws {
        let summary = try built.summary()
        XCTAssertEqual(summary.imagesMade, 4)
        XCTAssertEqual(summary.imagesFromStore, 0)
        XCTAssertEqual(summary.warnings.map(\.description).filter { $0.contains("not used") }, [])
    }
}
