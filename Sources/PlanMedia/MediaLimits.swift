/// The largest media a site takes (CONTENT.md, "Media"): beyond these a file is refused, an
/// image before its pixels are decoded.
public struct MediaLimits: Sendable, Equatable {
    public var maxImageBytes: Int
    public var maxImagePixels: Int
    public var maxAttachmentBytes: Int

    public init(maxImageBytes: Int, maxImagePixels: Int, maxAttachmentBytes: Int) {
        self.maxImageBytes = maxImageBytes
        self.maxImagePixels = maxImagePixels
        self.maxAttachmentBytes = maxAttachmentBytes
    }

    /// 50 MB and 100 megapixels an image, 100 MB an attachment (decimal megabytes).
    public static let standard = MediaLimits(
        maxImageBytes: 50_000_000, maxImagePixels: 100_000_000,
        maxAttachmentBytes: 100_000_000)
}
