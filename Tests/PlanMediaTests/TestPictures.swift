import CVipsTestSupport
import Foundation

/// Pictures made at test time with libvips (never files checked in), and what a real decoder
/// reads back from bytes.
enum TestPictures {
    /// A camera JPEG: photo-like pixels with a red square in the stored top-left corner, and
    /// EXIF (make, model, GPS, `orientation`), XMP and IPTC.
    static func cameraJPEG(width: Int, height: Int, orientation: Int = 1) -> Data {
        CameraMetadata.added(
            to: made { pvt_photo_jpeg(Int32(width), Int32(height), 90, $0, $1) },
            orientation: orientation)
    }

    /// The photo in Display P3 with its ICC profile (no other metadata).
    static func displayP3JPEG(width: Int, height: Int) -> Data {
        made { pvt_photo_jpeg_p3(Int32(width), Int32(height), $0, $1) }
    }

    static func rgbaPNG(width: Int, height: Int) -> Data {
        made { pvt_rgba_png(Int32(width), Int32(height), $0, $1) }
    }

    static func greyJPEG(width: Int, height: Int) -> Data {
        made { pvt_grey_jpeg(Int32(width), Int32(height), $0, $1) }
    }

    private typealias Maker = (UnsafeMutablePointer<UnsafeMutableRawPointer?>, UnsafeMutablePointer<Int>) -> Int32

    private static func made(_ make: Maker) -> Data {
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        precondition(make(&bytes, &length) == 0 && bytes != nil, "libvips could not make the test picture")
        defer { pvt_free(bytes) }
        return Data(bytes: bytes!, count: length)
    }

    struct Decoded: Equatable {
        let width: Int
        let height: Int
        let bands: Int
        let interpretation: String
        let loader: String
    }

    /// Every pixel of `data` decoded by libvips; nil when it does not decode.
    static func decode(_ data: Data) -> Decoded? {
        var raw = PvtDecoded()
        let status = data.withUnsafeBytes { pvt_decode($0.baseAddress, $0.count, &raw) }
        guard status == 0 else { return nil }
        return Decoded(
            width: Int(raw.width), height: Int(raw.height), bands: Int(raw.bands),
            interpretation: string(raw.interpretation), loader: string(raw.loader))
    }

    static func pixel(_ data: Data, x: Int, y: Int) -> [Double] {
        var values = [Double](repeating: 0, count: 4)
        let count = data.withUnsafeBytes { pvt_pixel($0.baseAddress, $0.count, Int32(x), Int32(y), &values, 4) }
        return Array(values.prefix(max(0, Int(count))))
    }

    /// The metadata fields libvips reads from `data` (`exif-ifd0-Make`, `xmp-data`, …).
    static func metadataFields(_ data: Data) -> [String] {
        guard let raw = data.withUnsafeBytes({ pvt_metadata_fields($0.baseAddress, $0.count) }) else { return [] }
        defer { pvt_free(raw) }
        return String(cString: raw).split(separator: "\n").map(String.init)
    }

    private static func string<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
