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
    /// Told how far rendering has got (pages done, pages in all), every so often.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Render threads; every core by default. The output is the same for any number.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// URLs per sitemap file before the sitemap is split into parts (sitemaps.org's 50,000;
    /// lower in tests, which cannot build that many pages quickly).
    var sitemapURLLimit = RenderContext.sitemapURLLimit

    public init(content: URL, theme: URL, output: URL, baseURL: String? = nil, includeDrafts: Bool = false,
                now: Date = BuildClock.now()) {
        self.content = content
        self.theme = theme
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.now = now
    }
}

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
    /// How long each step took, in order (`plansite build --timings`).
    public var phases: [(name: String, seconds: Double)] = []

    /// The summary of a build that found nothing to do.
    static var nothingChanged: BuildSummary {
        var summary = BuildSummary(languages: [], pagesPerLanguage: [:], fallbacksPerLanguage: [:], events: 0, files: 0, warnings: [])
        summary.unchanged = true
        return summary
    }
}

/// The pipeline in one screen: load -> resolve -> render -> write.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> Result<BuildSummary, BuildFailure> {
        DeferredRelease.releaseHeld()
        var phases = PhaseTimer()
        let writer = OutputWriter(output: options.output)
        defer { DeferredRelease.hold(writer) }
        if let refusal = writer.check(protecting: [options.content, options.theme]) {
            return .failure(BuildFailure(diagnostics: [refusal]))
        }
        let tree = ContentTree(root: options.content)
        let cacheIdentity = LoadCache.identity(of: tree)
        let previous = PreviousBuildReader(writer: writer, tree: tree, cacheIdentity: cacheIdentity)
        defer { DeferredRelease.hold(previous) }
        // "Today" to the quarter hour: every time zone's midnight falls on one.
        let quarterHours = Int(options.now.timeIntervalSince1970 / 900)
        let (inputs, walked) = InputFingerprint.taken(options, today: String(quarterHours))
        defer { DeferredRelease.hold(inputs) }
        if previous.previousFingerprint == inputs.whole {
            previous.cancel()
            return .success(.nothingChanged)
        }
        phases.end("fingerprint")
        return run(options, writer: writer, inputs: inputs, walked: walked, previous: previous, phases: phases)
    }

    /// Loads the content, taking unchanged events from the previous build's cache, and starts
    /// saving the cache for the next build, or says when to save it.
    private static func loadContent(_ options: BuildOptions, writer: OutputWriter?, inputs: InputFingerprint?,
                                    walked: WalkedFolders?, previous: PreviousBuildReader?, phases: inout PhaseTimer) -> (Result<Site, BuildFailure>, CacheSave) {
        let previousCache = previous?.takeLoadCache() ?? LoadCache()
        if previous != nil { phases.end("read the cache") }
        // With no cache to take events from (a first build), each event body is parsed once,
        // when its page is rendered, instead of once more to load it; its links are then checked
        // after rendering, and the cache saved after that. A rebuild parses the few events that
        // changed as it loads them, and saves the cache while it renders: the previous cache's
        // bytes, which entries taken unchanged are written from, are let go before rendering.
        let parsesWhenRendered = previousCache.count == 0
        let (loadedSite, nextCache) = ContentLoader.load(contentDirectory: options.content, walked: walked, cache: previousCache,
                                                         parsesEventBodiesWhenRendered: parsesWhenRendered,
                                                         keys: { folder in inputs?.reuseKey(forEventFolders: [folder]) })
        guard let writer, case .success = loadedSite else { return (loadedSite, .none) }
        let identity = LoadCache.identity(of: ContentTree(root: options.content))
        let destination = writer.loadCache
        guard !parsesWhenRendered else {
            return (loadedSite, .afterRendering { (try? nextCache.write(to: destination, identity: identity)) != nil })
        }
        return (loadedSite, .started(Concurrent {
            (try? nextCache.write(to: destination, identity: identity)) != nil
        }))
    }

    /// When the load cache for the next build is saved.
    private enum CacheSave {
        /// Not at all (a build that writes nothing, or failed to load).
        case none
        /// Being saved on another core.
        case started(Concurrent<Bool>)
        /// Once the bodies parsed when rendered have recorded their links.
        case afterRendering(@Sendable () -> Bool)

        /// The save to run once the build's checks have passed.
        var afterRendering: (@Sendable () -> Bool)? {
            if case .afterRendering(let save) = self { return save }
            return nil
        }

        /// Waits for a save that was started.
        func wait() {
            if case .started(let saving) = self { _ = saving.value }
        }
    }

    /// Loads, checks and renders everything, writing nothing.
    public static func check(_ options: BuildOptions) -> Result<BuildSummary, BuildFailure> {
        run(options, writer: nil)
    }

    /// - Parameter previous: where the events as the previous build loaded them come from (`LoadCache`).
    private static func run(_ options: BuildOptions, writer: OutputWriter?, inputs: InputFingerprint? = nil,
                            walked: WalkedFolders? = nil, previous: PreviousBuildReader? = nil, phases: PhaseTimer = PhaseTimer()) -> Result<BuildSummary, BuildFailure> {
        var phases = phases
        // Load: content and theme both, so their problems are reported in one run. A build that
        // writes keeps the loaded events beside the output, for the next build (`LoadCache`;
        // when it is saved: `loadContent`).
        let (loadedSite, cacheSave) = loadContent(options, writer: writer, inputs: inputs, walked: walked, previous: previous, phases: &phases)
        var savedAfterRendering: Concurrent<Bool>?
        // No work outlives the build, whatever it returns.
        defer {
            cacheSave.wait()
            _ = savedAfterRendering?.value
        }
        let languages = (try? loadedSite.get())?.config.languages.map(\.code) ?? []
        let loadedTheme = Theme.load(directory: options.theme, languages: languages)
        var log = DiagnosticLog()
        let baseURL = options.baseURL.map { ($0, BaseURL.normalized($0)) }
        if let (given, normalized) = baseURL, normalized == nil {
            log.error(SourceLocation(path: "--base-url"), "'\(given)' is not an absolute http or https URL")
        }
        if case .failure(let failure) = loadedSite { failure.diagnostics.forEach { log.add($0) } }
        if case .failure(let failure) = loadedTheme { failure.diagnostics.forEach { log.add($0) } }
        guard case .success(var site) = loadedSite, case .success(let theme) = loadedTheme, !log.hasErrors else {
            return .failure(BuildFailure(diagnostics: log.sorted))
        }
        if let normalized = baseURL?.1 { site.config.baseURL = normalized }

        phases.end("load")
        // Resolve
        let drafts = options.includeDrafts ? [] : site.events.filter(\.draft)
        // Only when there is one: removing from the loaded list copies it whole first.
        if !options.includeDrafts, !drafts.isEmpty {
            site.events.removeAll(where: \.draft)
        }
        var context = RenderContext(site: site, theme: theme, today: BuildClock.day(of: options.now, in: site.config.timezone))
        context.sitemapURLLimit = options.sitemapURLLimit
        if let writer {
            let stores = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0.code, writer.fragmentStore($0.code)) })
            context.feedFragments = FeedFragments(events: site.events, keys: site.events.map { inputs?.reuseKey(forEventFolders: [$0.folder]) },
                                                  languages: site.config.languages.map(\.code), uses: RenderContext.feedFragmentUses(site),
                                                  storePath: { stores[$0]! })
        }
        // The feed fragments this build stores replace the previous build's only if it succeeds.
        var succeeded = false
        defer { succeeded ? context.feedFragments.moveInSaved() : context.feedFragments.discardSaved() }
        // The links known now are checked on another core while the files are planned: neither
        // needs the other. So is the report's count of fallbacks, which looks at every event in
        // every language.
        let linkProblems = Concurrent { [site, context] in
            var own = DiagnosticLog()
            var check = LinkCheck(resolver: context.links, excludedDrafts: Set(drafts.map(\.folder)))
            let later = check.checkKnown(site, log: &own)
            return (own, FallbackCount.perLanguage(site), check, later)
        }
        let pages = context.plan(index: CalendarIndex(events: site.events, period: site.config.period), inputs: inputs)
        var (linkLog, fallbacks, linkCheck, checkedLater) = linkProblems.value
        linkLog.entries.forEach { log.add($0) }
        for problem in PathCollisions.find(pages, assets: theme.assets.map(\.name)) { log.add(problem) }
        // Drafts are not rendered: their bodies not parsed yet are parsed after rendering, for
        // the nesting check and the load cache.
        let draftsLater = drafts.flatMap { $0.texts.values.filter { $0.body.knownFacts == nil }.map { ($0.body, $0.source) } }
        guard !log.hasErrors else {
            // Every problem is reported at once: the bodies that were to be checked later too.
            linkCheck.afterRendering(checkedLater, drafts: draftsLater, log: &log)
            return .failure(BuildFailure(diagnostics: log.sorted))
        }

        phases.end("check and plan")
        // Render and write
        do {
            try writer?.begin()
            for asset in theme.assets { try writer?.write("assets/" + asset.name, asset.data) }
            try ParallelRenderer.render(pages, context: context, theme: theme, threads: options.threads,
                                        progress: options.progress,
                                        reuse: { file, key in try writer?.reuse(file, reuseKey: key) ?? false }) { file, rendered, key in
                switch rendered {
                case .text(let text): try writer?.write(file, text: text, reuseKey: key)
                case .bytes(let bytes): try writer?.write(file, bytes: bytes, reuseKey: key)
                }
            }
            phases.end("render and write")
            if !checkedLater.isEmpty || !draftsLater.isEmpty {
                linkCheck.afterRendering(checkedLater, drafts: draftsLater, log: &log)
                guard !log.hasErrors else {
                    writer?.discard()
                    return .failure(BuildFailure(diagnostics: log.sorted))
                }
                phases.end("check links")
            }
            savedAfterRendering = cacheSave.afterRendering.map { save in Concurrent(save) }
            try writer?.commit(fingerprint: inputs?.whole ?? "")
            succeeded = true
            phases.end("swap in")
            cacheSave.wait()
            _ = savedAfterRendering?.value
            phases.end("save the cache")
        } catch let problem as Diagnostic {
            // A template error met while rendering (a list printed as text, say): at its tag.
            writer?.discard()
            return .failure(BuildFailure(diagnostics: [problem]))
        } catch let changed as BodyChanged {
            writer?.discard()
            return .failure(BuildFailure(diagnostics: [.error(SourceLocation(path: changed.path),
                                                              BodyChanged.message)]))
        } catch {
            writer?.discard()
            let shown = writer.map { DisplayPath.of($0.output) } ?? "output"
            let problem = "cannot write the site: \(WriteErrorText.describe(error))"
            return .failure(BuildFailure(diagnostics: [.error(SourceLocation(path: shown), problem)]))
        }
        var perLanguage: [String: Int] = [:]
        for page in pages {
            guard case .page = page.content else { continue }
            guard let slash = page.file.utf8.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let first = String(page.file[..<slash])
            if site.config.language(first) != nil { perLanguage[first, default: 0] += 1 }
        }
        var summary = BuildSummary(languages: site.config.languages.map(\.code), pagesPerLanguage: perLanguage,
                                     fallbacksPerLanguage: fallbacks, events: site.events.count, files: pages.count + theme.assets.count,
                                     warnings: log.sorted.filter { $0.severity == .warning })
        summary.keptFiles = writer?.keptFiles ?? 0
        summary.renderedFiles = pages.count - (writer?.reusedFiles ?? 0)
        summary.pageFiles = pages.count
        summary.phases = phases.finished
        // Not the render context: its theme holds `Data`, whose storage LeakSanitizer cannot
        // see through (a tagged reference), so CI's leak check would report it at exit.
        DeferredRelease.hold(site, loadedSite, pages)
        return .success(summary)
    }
}
