import Foundation

/// One encoded picture, ready to be written as it is.
public struct EncodedImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let encoding: ImageEncoding
    public let bytes: Data

    public init(width: Int, height: Int, encoding: ImageEncoding, bytes: Data) {
        self.width = width
        self.height = height
        self.encoding = encoding
        self.bytes = bytes
    }
}

/// One width of an image: the modern encoding and the fallback, the same pixels in each.
public struct ImageVariant: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// WebP (with its alpha, for a picture with transparency).
    public let modern: EncodedImage
    /// JPEG, or PNG for a picture with transparency.
    public let fallback: EncodedImage
}

/// Everything published for one source image.
public struct ProcessedImage: Sendable, Equatable {
    /// By ascending width.
    public let variants: [ImageVariant]
    /// The Open Graph picture (JPEG, or PNG with transparency), when one was asked for.
    public let cover: EncodedImage?
}
