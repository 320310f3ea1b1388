/// Why a media file is refused. `message` is the diagnostic's text; the caller adds the path
/// (and the Markdown position that refers to the file).
public enum MediaError: Error, Sendable, Equatable {
    case unreadable(reason: String)
    case imageTooLarge(bytes: Int, limit: Int)
    case attachmentTooLarge(bytes: Int, limit: Int)
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// Not one of the image formats a site may hold; `found` is what libvips took it for, if anything.
    case unsupportedImage(found: String?)
    /// The file claims to be an image but libvips cannot decode it.
    case doesNotDecode(reason: String)

    public var message: String {
        switch self {
        case .unreadable(let reason):
            "cannot read file: \(reason)"
        case .imageTooLarge(let bytes, let limit):
            "image too large: \(Self.megabytes(bytes)), at most \(Self.megabytes(limit))"
        case .attachmentTooLarge(let bytes, let limit):
            "attachment too large: \(Self.megabytes(bytes)), at most \(Self.megabytes(limit))"
        case .tooManyPixels(let width, let height, let limit):
            "image too large: \(width)x\(height) pixels (\(Self.megapixels(width * height))), "
                + "at most \(Self.megapixels(limit))"
        case .unsupportedImage(let found):
            "not a JPEG, PNG, WebP, GIF or AVIF image" + (found.map { " (found \($0))" } ?? "")
        case .doesNotDecode(let reason):
            "image does not decode: \(reason)"
        }
    }

    /// Diagnostics are in English, so these figures are too: "63.2 MB".
    private static func megabytes(_ bytes: Int) -> String {
        bytes % 1_000_000 == 0 ? "\(bytes / 1_000_000) MB" : "\(tenths(bytes, per: 1_000_000)) MB"
    }

    private static func megapixels(_ pixels: Int) -> String {
        pixels % 1_000_000 == 0 ? "\(pixels / 1_000_000) megapixels" : "\(tenths(pixels, per: 1_000_000)) megapixels"
    }

    /// `value / unit` with one decimal, rounded up so a figure just over a limit never reads as
    /// the limit itself.
    private static func tenths(_ value: Int, per unit: Int) -> String {
        let tenths = (value * 10 + unit - 1) / unit
        return "\(tenths / 10).\(tenths % 10)"
    }
}
