import Foundation
import PlanMarkdown

/// What every page builder needs: the site, where pages live, the theme, the resolved links
/// and "today". Per-language helpers (strings, dates) are looked up from here.
struct RenderContext: Sendable {
    let site: Site
    let routes: Routes
    let theme: Theme
    let links: LinkResolver
    let today: CalendarDate
    /// The events per area, year and status, for the progress page and the home page's summary.
    let progress: ProgressTally
    /// URLs per sitemap file before the sitemap is split (sitemaps.org's limit; lower in tests).
    var sitemapURLLimit = RenderContext.sitemapURLLimit
    private(set) var dates: [String: DateFormatting]
    /// Bodies parsed by this render thread (see `forOneThread`); shared by nothing else.
    private(set) var documents = ParsedDocuments()
    /// Each event's VEVENT and feed entry, made once per language for every file that lists them.
    let feedFragments: FeedFragments
    /// What earlier builds left (`BuildMemory`): which files may be kept, and fragments.
    let memory: BuildMemory
    /// The pictures the build published, set once they are made (`MediaPublisher`).
    var media = PublishedMedia()
    /// Each language's link-preview picture for pages without a cover (the theme's), made once.
    private(set) var themePreviews: [String: PageChrome.PreviewImage] = [:]
    private let areasBySlug: [String: Area]
    /// Each area's events, in the site's order: area pages and calendars list them.
    private let eventsByArea: [String: [Event]]

    init(site: Site, theme: Theme, today: CalendarDate, memory: BuildMemory = NoBuildMemory()) {
        self.memory = memory
        self.site = site
        self.routes = Routes(basePath: site.config.basePath)
        self.theme = theme
        self.links = LinkResolver(site: site)
        self.today = today
        self.progress = ProgressTally(site: site)
        var dates: [String: DateFormatting] = [:]
        for language in site.config.languages {
            dates[language.code] = DateFormatting(localeIdentifier: language.locale)
        }
        self.dates = dates
        // Parsed once: every event's URLs, UID and feed id are made from them.
        let base = URL(string: site.config.baseURL)
        if let base, let scheme = base.scheme, let host = base.host {
            self.origin = "\(scheme)://\(host)" + (base.port.map { ":\($0)" } ?? "")
        } else {
            self.origin = ""
        }
        self.host = base?.host ?? "plansite"
        self.areasBySlug = Dictionary(uniqueKeysWithValues: site.areas.map { ($0.slug, $0) })
        self.eventsByArea = Dictionary(grouping: site.events.filter { $0.area != nil }, by: { $0.area! })
        self.feedFragments = FeedFragments(
            events: site.events, languages: site.config.languages.map(\.code),
            uses: Self.feedFragmentUses(site), memory: memory)
        for language in site.config.languages {
            themePreviews[language.code] = themePreview(language: language.code)
        }
    }

    /// The files that list every event of a language: its calendar, each area's calendar, its feed.
    static func feedFragmentUses(_ site: Site) -> Int { site.areas.count + 2 }

    /// A copy for one render thread: date formatters of its own (ICU formatters are not safe
    /// to share between threads), and a place to keep a parsed text between the files it
    /// renders together.
    func forOneThread() -> RenderContext {
        var copy = self
        var dates: [String: DateFormatting] = [:]
        for language in site.config.languages {
            dates[language.code] = DateFormatting(localeIdentifier: language.locale, sharing: self.dates[language.code])
        }
        copy.dates = dates
        copy.documents = ParsedDocuments()
        return copy
    }

    /// The parsed body, from this thread's last parse when it was of the same file as it is
    /// now (an event's page and its `event.ics` are rendered together and share it).
    func document(of body: Body) throws -> MarkdownDocument {
        guard let file = body.file else { return try BodyFile.document(of: body) }
        if let kept = documents.document(for: file.path, stamp: file.stamp) { return kept }
        let document = try BodyFile.read(path: file.path, displayPath: file.displayPath, stamp: file.stamp)
        documents.keep(document, for: file.path, stamp: file.stamp)
        return document
    }

    var config: SiteConfig { site.config }

    func strings(_ language: String) -> UIStrings { theme.strings[language]! }
    func dateFormatting(_ language: String) -> DateFormatting { dates[language]! }

    /// The site's origin (`https://example.org`), for absolute URLs.
    let origin: String
    /// The site's host, naming events in UIDs and tag URIs ("plansite" when the base URL has none).
    let host: String

    func absolute(_ path: String) -> String { origin + path }

    func notice<Text>(_ chosen: Chosen<Text>, language: String) -> FallbackNotice? {
        guard chosen.isFallback, let shown = config.language(chosen.language) else { return nil }
        return FallbackNotice(
            message: strings(language).fallbackNotice, languageCode: shown.code, languageName: shown.name)
    }

    /// A body as HTML, its item links pointing at pages in the reader's language, its images
    /// published pictures (the first loaded at once unless `imagesBefore`, the rest lazily).
    func html(_ body: Body, source: TextSource, language: String, imagesBefore: Bool = false) throws -> RenderedHTML {
        let shown = ImagesShown(count: imagesBefore ? 1 : 0)
        // Without media in the text's folder no link can lead to a file: the hook is not asked.
        let hasMedia = site.media.sources[source.folder] != nil
        let hooks = RenderHooks(
            image: { image in bodyImage(image, from: source.folder, language: language, shown: shown) },
            linkLanguage: hasMedia ? { url in fileLanguage(url, from: source.folder, language: language) } : nil)
        return RenderedHTML(
            utf8: try document(of: body).htmlUTF8(reservedIDs: Self.reservedIDs, hooks: hooks) { url in
                switch links.resolve(url, from: source.folder) {
                case .external: return url
                case .item(let target, let fragment):
                    return routes.page(of: target, language) + (fragment.map { "#" + $0 } ?? "")
                case .media(let file): return fileURL(file, language: language)
                case .broken: return nil
                }
            })
    }

    /// Ids the layout itself uses; a heading never takes one.
    static let reservedIDs: Set<String> = [
        "main", "site-header", "site-nav", "languages", "fallback-notice", "downloads"
    ]

    func area(_ slug: String) -> Area? { areasBySlug[slug] }

    func events(in area: Area) -> [Event] { eventsByArea[area.slug] ?? [] }
}
