import Foundation
import PlanMedia

/// The media files a build publishes, each checked, and where each goes in the output.
struct MediaPlan: Sendable {
    /// A photo or picture: its header read, its bytes hashed (the derivatives' cache key).
    struct Image: Sendable {
        let source: MediaSource
        let file: MediaFileEntry
        /// On disk, for reading.
        let path: String
        /// As shown in diagnostics.
        let displayPath: String
        let header: ImageHeader
        let key: DerivativeKey
        /// Where the derivatives go: `media/events/forum/photo` + `-480.webp`.
        let outputStem: String
        /// The item's cover: a link-preview picture is made too.
        let makesCover: Bool
        /// Where it is first shown from, for a failure found only when it is decoded.
        let shownFrom: SourceLocation
    }

    /// A file published as it is (an attachment, or an SVG once checked).
    struct Copy: Sendable {
        /// In the content folder (`documents/plan/plan-signed.pdf`), and on disk.
        let file: String
        let kind: MediaKind
        let path: String
        let output: String
        let stamp: FileStamp
        /// An SVG's size, when it gives one (read by its check, for the `<img>`'s attributes).
        var drawingSize: (width: Int, height: Int)? = nil
    }

    var images: [Image] = []
    var copies: [Copy] = []

    static let recipe = ImageRecipe.standard

    /// The files this plan writes: two per width of each image (and its cover), one per copy.
    var fileCount: Int {
        copies.count
            + images.reduce(0) { count, image in
                let widths = MediaPlan.recipe.widths(forSourceWidth: image.header.width).count
                return count + 2 * widths + (image.makesCover ? 1 : 0)
            }
    }

    /// The output folder of an item's media: `media/documents/plan`, `media/events/forum`
    /// (an event's year group is not part of its address, as it is not of its page's).
    static func folder(of itemFolder: String) -> String {
        let parts = itemFolder.split(separator: "/")
        guard let kind = parts.first, let slug = parts.last, parts.count > 1 else { return "media/" + itemFolder }
        return "media/\(kind)/\(slug)"
    }

    /// Where a file published as it is goes.
    static func output(of file: MediaFileEntry, in source: MediaSource) -> String {
        folder(of: source.folder) + "/" + file.fileName
    }

    /// The derivatives' common start: the file's name without its extension.
    static func outputStem(of file: MediaFileEntry, in source: MediaSource) -> String {
        let name = file.fileName
        let stem = name.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? name
        return folder(of: source.folder) + "/" + stem
    }
}
