import Foundation
import PlanMedia

/// What a media file is, from its extension (CONTENT.md, "Media").
public enum MediaKind: Sendable, Equatable {
    /// A photo or picture, published as resized derivatives.
    case raster
    /// A drawing, published as it is after `SVGCheck`.
    case svg
    /// A download, published unchanged.
    case attachment(AttachmentKind)

    static let rasterExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "avif", "gif"]

    init?(fileExtension: String) {
        if Self.rasterExtensions.contains(fileExtension) {
            self = .raster
        } else if fileExtension == "svg" {
            self = .svg
        } else if let kind = AttachmentKind(fileExtension: fileExtension) {
            self = .attachment(kind)
        } else {
            return nil
        }
    }

    public var isImage: Bool {
        if case .attachment = self { return false }
        return true
    }
}

/// One file of a media source: the whole name on disk and its size and time when listed.
public struct MediaFileEntry: Sendable, Equatable {
    public let fileName: String
    public let stamp: FileStamp

    public var size: Int { Int(stamp.size) }
}

/// A media file as Markdown and `meta.yaml` name it (`plan-signed.pdf`), with its file for
/// every language it has one for (`plan-signed.ru.pdf`) and the file for all (`plan-signed.pdf`).
public struct MediaSource: Sendable, Equatable {
    /// The item's folder, relative to the content root.
    public let folder: String
    public let name: String
    public let kind: MediaKind
    /// The file without a language in its name, if there is one.
    public var common: MediaFileEntry?
    /// By language code.
    public var variants: [String: MediaFileEntry] = [:]

    /// Every file, the common one first, then the variants by language.
    public var files: [MediaFileEntry] {
        (common.map { [$0] } ?? []) + variants.keys.sorted().map { variants[$0]! }
    }

    /// The file a reader of `language` gets, and the language it is in (nil: for every language):
    /// their own variant, else their fallbacks' (CONTENT.md: "each language gets its own variant,
    /// else its fallback chain's"), else the file for every language, else any variant along the
    /// rest of the chain (`chain`: the language, its fallbacks, then every other language).
    public func file(
        for language: String, fallbacks: [String], chain: [String]
    ) -> (entry: MediaFileEntry, language: String?)? {
        for code in [language] + fallbacks {
            if let variant = variants[code] { return (variant, code) }
        }
        if let common { return (common, nil) }
        for code in chain {
            if let variant = variants[code] { return (variant, code) }
        }
        return nil
    }
}

/// The media files of every item folder, by folder and name.
public struct MediaLibrary: Sendable {
    public private(set) var sources: [String: [String: MediaSource]] = [:]

    public init() {}

    /// The files refused as their folder was listed (a name outside the allowed characters, too
    /// large), as `folder/name` the way Markdown names them: the problem is reported at the
    /// file, so a use of one is not reported again as a link to no file.
    public private(set) var refused: Set<String> = []

    public func source(folder: String, name: String) -> MediaSource? { sources[folder]?[name] }

    mutating func refuse(_ name: String, folder: String) { refused.insert(folder + "/" + name) }

    mutating func add(_ sources: [MediaSource], folder: String) {
        guard !sources.isEmpty else { return }
        self.sources[folder] = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0) })
    }

    /// Every source, by folder then name: the order files are published and reported in.
    public var all: [MediaSource] {
        sources.keys.sorted().flatMap { folder in
            sources[folder]!.keys.sorted().map { sources[folder]![$0]! }
        }
    }
}

/// A media file named in `meta.yaml` (`cover`, `attachments`), and where.
public struct MediaMention: Sendable, Equatable {
    public let name: String
    public let location: SourceLocation
}

/// An item's own media fields: its cover (with its alt text in each language) and downloads.
public struct ItemMediaFields: Sendable {
    public var cover: MediaMention?
    public var attachments: [MediaMention] = []
    /// `coverAlt` of each `LANG.md`, by language, and where each file's front matter starts.
    public var coverAlt: [String: String] = [:]

    public init(cover: MediaMention? = nil, attachments: [MediaMention] = [], coverAlt: [String: String] = [:]) {
        self.cover = cover
        self.attachments = attachments
        self.coverAlt = coverAlt
    }

    public var isEmpty: Bool { cover == nil && attachments.isEmpty }
}
