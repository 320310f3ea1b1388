import Foundation

/// One source image to process, its header already read (`ImageProbe`).
public struct ImageJob: Sendable {
    public enum Source: Sendable {
        /// Read when the job runs, so a batch holds only the sources being processed.
        case file(path: String)
        case bytes(Data)
    }

    public let source: Source
    public let header: ImageHeader
    /// Whether to make the Open Graph picture too (the item's `cover`).
    public let makesCover: Bool

    public init(source: Source, header: ImageHeader, makesCover: Bool) {
        self.source = source
        self.header = header
        self.makesCover = makesCover
    }
}
