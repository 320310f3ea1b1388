/// The image formats a site may hold (CONTENT.md, "Media"), as found in the file's bytes.
/// SVG is not among them: it is published as it is, after `SVGCheck`.
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp, gif, avif

    /// The file extensions that name this format.
    public var fileExtensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        case .png: ["png"]
        case .webp: ["webp"]
        case .gif: ["gif"]
        case .avif: ["avif"]
        }
    }

    /// The format of libvips' loader, or nil for a loader of any other format.
    init?(loader: String, heifCompression: String) {
        switch loader {
        case "jpegload_buffer": self = .jpeg
        case "pngload_buffer": self = .png
        case "webpload_buffer": self = .webp
        case "gifload_buffer": self = .gif
        // libheif reads HEIC (HEVC) too, which browsers do not show and the contract does not allow.
        case "heifload_buffer" where heifCompression == "av1": self = .avif
        default: return nil
        }
    }
}

/// The encodings of published derivatives.
public enum ImageEncoding: String, Sendable, CaseIterable, Codable {
    case webp, jpeg, png

    public var fileExtension: String {
        switch self {
        case .webp: "webp"
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    public var mimeType: String { "image/\(rawValue)" }
}
