import Foundation

/// The stages `SiteBuilder` runs, each handing the next a plain value.
enum BuildStages {
    /// What the load stage gives: the content and the theme, when each loaded without errors,
    /// and every problem of both (they are reported in one run).
    struct Loaded {
        let site: Site?
        let theme: Theme?
        let problems: [Diagnostic]
    }

    /// Load: the content (from the build memory where it can) and the theme, and the options
    /// that change the site (the base URL). When some items do not load, the links of the rest
    /// are checked here, so that one run reports every problem.
    static func load(_ options: BuildOptions, memory: BuildMemory) -> Loaded {
        let content = ContentLoader.loadWhatLoads(contentDirectory: options.content, memory: memory)
        var log = content.log
        var site = content.site
        if let partial = site, log.hasErrors {
            let drafts = options.includeDrafts ? [] : partial.events.filter(\.draft).map(\.folder)
            LinkCheck.run(
                partial, resolver: LinkResolver(site: partial), excludedDrafts: Set(drafts),
                unloaded: content.unloaded, log: &log)
            // The media of what loaded are checked too; whether a file is used is not known.
            _ = MediaCheck.run(
                partial, published: partial, tree: ContentTree(root: options.content), memory: memory,
                reportsUnused: false, log: &log)
        }
        let theme = Theme.load(directory: options.theme, languages: site?.config.languages.map(\.code) ?? [])
        if let given = options.baseURL {
            if let normalized = BaseURL.normalized(given) {
                site?.config.baseURL = normalized
            } else {
                log.error(SourceLocation(path: "--base-url"), "'\(given)' is not an absolute http or https URL")
            }
        }
        if case .failure(let failure) = theme { failure.diagnostics.forEach { log.add($0) } }
        guard !log.hasErrors else { return Loaded(site: nil, theme: nil, problems: log.sorted) }
        return Loaded(site: site, theme: try? theme.get(), problems: log.sorted)
    }

    /// Everything the render stage needs: the files to make, and how to make them.
    struct Plan {
        let context: RenderContext
        let pages: [PlannedPage]
        /// The media files to publish, checked.
        let media: MediaPlan
        let assets: [(name: String, data: Data)]
        let fallbacks: [String: Int]

        var site: Site { context.site }

        func summary(warnings: [Diagnostic], writer: OutputWriter?) -> BuildSummary {
            var perLanguage: [String: Int] = [:]
            for page in pages {
                guard case .page = page.content, let slash = page.file.utf8.firstIndex(of: UInt8(ascii: "/")) else {
                    continue
                }
                let first = String(page.file[..<slash])
                if site.config.language(first) != nil { perLanguage[first, default: 0] += 1 }
            }
            var summary = BuildSummary(
                languages: site.config.languages.map(\.code), pagesPerLanguage: perLanguage,
                fallbacksPerLanguage: fallbacks, events: site.events.count,
                files: pages.count + assets.count + media.fileCount,
                warnings: warnings.filter { $0.severity == .warning })
            summary.keptFiles = writer?.keptFiles ?? 0
            summary.renderedFiles = pages.count - (writer?.reusedFiles ?? 0)
            summary.pageFiles = pages.count
            return summary
        }
    }

    /// Resolve: drafts left out, every link checked, every file planned, two files at one path
    /// refused. The plan is nil when there are errors; `problems` has them, and the warnings.
    static func resolve(
        _ loaded: Site, theme: Theme, options: BuildOptions,
        memory: BuildMemory
    ) -> (plan: Plan?, problems: [Diagnostic]) {
        var site = loaded
        memory.sharedInputsInclude(site.redirectDigest)
        var log = DiagnosticLog()
        PastPlannedEvents.warn(
            site, today: BuildClock.day(of: options.now, in: site.config.timezone),
            content: ContentTree(root: options.content), log: &log)
        let drafts = options.includeDrafts ? [] : site.events.filter(\.draft)
        // Only when there is one: removing from the loaded list copies it whole first.
        if !drafts.isEmpty { site.events.removeAll(where: \.draft) }
        var context = RenderContext(
            site: site, theme: theme,
            today: BuildClock.day(of: options.now, in: site.config.timezone), memory: memory)
        context.sitemapURLLimit = options.sitemapURLLimit
        // The links are checked on another core while the files are planned: neither needs the
        // other. So is the report's count of fallbacks, which looks at every event in every language.
        let checked = Concurrent { [site, context] in
            var log = DiagnosticLog()
            LinkCheck.run(site, resolver: context.links, excludedDrafts: Set(drafts.map(\.folder)), log: &log)
            return (log, FallbackCount.perLanguage(site))
        }
        let pages = context.plan(index: CalendarIndex(events: site.events, period: site.config.period))
        let media = MediaCheck.run(
            loaded, published: site, tree: ContentTree(root: options.content), memory: memory, log: &log)
        let (linkLog, fallbacks) = checked.value
        linkLog.entries.forEach { log.add($0) }
        for problem in PathCollisions.find(pages, assets: theme.assets.map(\.name)) { log.add(problem) }
        guard !log.hasErrors else { return (nil, log.sorted) }
        return (
            Plan(context: context, pages: pages, media: media, assets: theme.assets, fallbacks: fallbacks), log.sorted
        )
    }

    /// Render and write: the media first (pages show their pictures' sizes), then every file
    /// made on every core and handed to the writer as it is made; files the build memory says
    /// are unchanged are kept instead.
    @discardableResult
    static func render(_ plan: Plan, theme: Theme, options: BuildOptions, writer: OutputWriter) throws
        -> PublishedMedia
    {
        try writer.begin()
        for asset in plan.assets { try writer.write("assets/" + asset.name, asset.data) }
        var context = plan.context
        context.media = try MediaPublisher.publish(
            plan.media, writer: writer, memory: context.memory, threads: options.threads)
        try ParallelRenderer.render(
            plan.pages, context: context, theme: theme, threads: options.threads,
            progress: options.progress,
            reuse: { file, key in try writer.reuse(file, reuseKey: key) }
        ) { file, rendered, key in
            switch rendered {
            case .text(let text): try writer.write(file, text: text, reuseKey: key)
            case .bytes(let bytes): try writer.write(file, bytes: bytes, reuseKey: key)
            }
        }
        return context.media
    }

    /// A failure while rendering or writing, as the build reports it.
    static func diagnostic(for error: Error, output: URL) -> Diagnostic {
        switch error {
        case let problem as Diagnostic:
            // A template error met while rendering (a list printed as text, say): at its tag.
            return problem
        case let changed as BodyChanged:
            return .error(SourceLocation(path: changed.path), BodyChanged.message)
        case let failed as UpdateJournal.Failed:
            let outcome =
                failed.rolledBack
                ? "every file moved in was put back: the output folder is the previous site"
                : "the output folder is half updated, and the next build finishes the update"
            return .error(
                SourceLocation(path: DisplayPath.of(output)),
                "cannot write the site: \(failed.underlying.localizedDescription); \(outcome)")
        default:
            return .error(
                SourceLocation(path: DisplayPath.of(output)),
                "cannot write the site: \(WriteErrorText.describe(error))")
        }
    }
}
