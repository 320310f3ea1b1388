import CVipsShim
import Foundation

/// Reads an image file and its header, refusing what is too large before decoding any pixel.
public enum ImageProbe {
    /// The bytes of the image at `path`, refused without reading when the file is larger
    /// than `limits.maxImageBytes`.
    public static func read(path: String, limits: MediaLimits = .standard) throws(MediaError) -> Data {
        let size = try MediaFile.size(path: path)
        guard size <= limits.maxImageBytes else { throw .imageTooLarge(bytes: size, limit: limits.maxImageBytes) }
        return try MediaFile.contents(path: path)
    }

    /// The header of the image in `bytes`: its format (from the bytes, whatever the file is
    /// named), size and orientation. Refuses a file over the limits, and any format but
    /// JPEG, PNG, WebP, GIF and AVIF.
    public static func header(of bytes: Data, limits: MediaLimits = .standard) throws(MediaError) -> ImageHeader {
        guard bytes.count <= limits.maxImageBytes else {
            throw .imageTooLarge(bytes: bytes.count, limit: limits.maxImageBytes)
        }
        let read = VipsGate.run { () throws(VipsGate.Failed) -> PlanVipsHeader in
            var header = PlanVipsHeader()
            let status = bytes.withUnsafeBytes { pvips_read_header($0.baseAddress, $0.count, &header) }
            guard status == 0 else { throw VipsGate.Failed() }
            return header
        }
        let raw: PlanVipsHeader
        switch read {
        case .success(let header): raw = header
        case .failure(let failure): throw Self.refusal(failure)
        }
        let loader = Self.string(raw.loader), compression = Self.string(raw.heif_compression)
        guard let format = ImageFormat(loader: loader, heifCompression: compression) else {
            throw .unsupportedImage(found: loader == "heifload_buffer" ? "HEIC" : loader)
        }
        let width = Int(raw.width), height = Int(raw.height)
        guard width * height <= limits.maxImagePixels else {
            throw .tooManyPixels(width: width, height: height, limit: limits.maxImagePixels)
        }
        return ImageHeader(
            format: format, storedWidth: width, storedHeight: height,
            hasAlpha: raw.has_alpha != 0, orientation: Int(raw.orientation))
    }

    /// libvips finds no loader for what is not an image, and names the blocked loader of a
    /// format it knows but the site does not take (an SVG or a PDF under an image's name).
    private static func refusal(_ failure: VipsFailure) -> MediaError {
        if failure.message.contains("not a known") || failure.message.contains("is not in a known format") {
            return .unsupportedImage(found: nil)
        }
        if failure.message.contains("blocked") { return .unsupportedImage(found: nil) }
        return .doesNotDecode(reason: failure.message)
    }

    /// A fixed-size C character array as a Swift string.
    private static func string<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
