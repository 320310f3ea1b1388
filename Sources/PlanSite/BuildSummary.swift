import Foundation

/// What a finished build wrote.
public struct BuildSummary: Sendable {
    /// In site.yaml's order.
    public let languages: [String]
    public let pagesPerLanguage: [String: Int]
    /// Item pages showing a fallback language's text, per language.
    public let fallbacksPerLanguage: [String: Int]
    /// Events built (each has a page in every language).
    public let events: Int
    public let files: Int
    public let warnings: [Diagnostic]
    /// Files left exactly as the previous build wrote them (same bytes, same modification time).
    public var keptFiles = 0
    /// Nothing the output depends on changed since the previous build: nothing was done.
    public var unchanged = false
    /// Files rendered; the others (event pages whose inputs did not change) were kept as the
    /// previous build made them without being rendered again.
    public var renderedFiles = 0
    /// Files made from content (all but the theme's assets).
    public var pageFiles = 0
    /// Images decoded and their pictures made by this build; images whose pictures were taken
    /// from the image store (`--image-cache`) without decoding.
    public var imagesMade = 0
    public var imagesFromStore = 0
    /// How long each step took, in order (`plansite build --timings`).
    public var phases: [(name: String, seconds: Double)] = []

    /// The summary of a build that found nothing to do.
    static var nothingChanged: BuildSummary {
        var summary = BuildSummary(
            languages: [], pagesPerLanguage: [:], fallbacksPerLanguage: [:], events: 0, files: 0,
            warnings: [])
        summary.unchanged = true
        return summary
    }
}
