import Foundation

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var content: URL
    public var theme: URL
    public var output: URL
    public var baseURL: String?
    public var includeDrafts: Bool
    /// "Today", for which events are upcoming.
    public var now: Date
    /// Whether the build uses and keeps the memory of earlier builds beside the output
    /// (`OutputFolderMemory`); without it every file is made anew. The output is the same.
    public var remembers = true
    /// Where the pictures made by earlier builds are kept (`ImageStore`); beside the output when
    /// nil. A CI job that keeps this folder between runs decodes no unchanged photo.
    public var imageCache: URL?
    /// Told how far rendering has got (pages done, pages in all), every so often.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Render threads; every core by default. The output is the same for any number.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// URLs per sitemap file before the sitemap is split into parts (sitemaps.org's 50,000;
    /// lower in tests, which cannot build that many pages quickly).
    var sitemapURLLimit = RenderContext.sitemapURLLimit

    public init(
        content: URL, theme: URL, output: URL, baseURL: String? = nil, includeDrafts: Bool = false,
        now: Date = BuildClock.now()
    ) {
        self.content = content
        self.theme = theme
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.now = now
    }
}
