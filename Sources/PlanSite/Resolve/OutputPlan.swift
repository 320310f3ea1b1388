import Foundation

/// Every file of the build with what renders it, planned before anything is rendered so that
/// two files at one path are caught (Zola's `find_path_collisions`).
struct PlannedPage {
    /// What renders the file, given the context of the thread that renders it (each render
    /// thread has its own date formatters, which are not thread-safe).
    enum Content {
        /// An HTML page: a theme template and its view.
        case page(template: String, view: @Sendable (RenderContext) throws -> any TemplateView)
        /// A file the builder writes itself (sitemap, robots.txt).
        case file(@Sendable (RenderContext) throws -> String)
        /// A file the builder assembles as UTF-8 bytes (a calendar, a feed: megabytes of text
        /// from fragments that are valid UTF-8 already, which a String would check again).
        case encoded(@Sendable (RenderContext) throws -> [UInt8])
    }

    let file: String
    let content: Content
    /// Rendered by the thread that renders the file before it in the plan (an event's
    /// `event.ics` after its page), so that the two share one parse of the event's text.
    var rendersWithPrevious = false
    /// What the file is made from, when that is some events' folders and what every page
    /// shows: a previous build's file with the same key is kept instead of rendered.
    var reuseKey: UInt64? = nil
    /// Done instead of rendering when the previous build's file is kept (an area's calendar
    /// counts its use of the language's fragments, which are let go after their last use).
    var whenKept: (@Sendable (RenderContext) -> Void)? = nil
}

/// A page that exists in every language, with its path in each: the one list the pages, the
/// language switcher and the sitemap are all made from.
struct LocalizedPage: Sendable {
    let template: String
    let path: @Sendable (String) -> String
    let view: @Sendable (RenderContext, String) throws -> any TemplateView
    /// For an event's page: the event, whose `event.ics` is planned right after the page.
    var event: Event? = nil
    /// For a page that shows only these events (and what every page shows, never "today"):
    /// their folders, from which its reuse key is made (see `PlannedPage.reuseKey`).
    var shows: [String]? = nil
}

extension RenderContext {
    func localizedPages(index: CalendarIndex) -> [LocalizedPage] {
        var pages: [LocalizedPage] = []
        let routes = routes
        func add(
            _ template: String, _ path: @escaping @Sendable (String) -> String, shows: [Event]? = nil,
            _ view: @escaping @Sendable (RenderContext, String) throws -> any TemplateView
        ) {
            pages.append(
                LocalizedPage(template: template, path: path, view: view, event: nil, shows: shows?.map(\.folder)))
        }
        add("home", routes.home) { try $0.homePage($1) }
        add("documents", routes.documents) { $0.documentsPage($1) }
        for document in site.documents {
            add("document", { routes.document(document.slug, $0) }) { try $0.documentPage(document, $1) }
        }
        add("areas", routes.areas) { $0.areasPage($1) }
        for area in site.areas {
            add("area", { routes.area(area.slug, $0) }) { try $0.areaPage(area, $1) }
        }
        for event in site.events {
            add("event", { routes.event(event.slug, $0) }, shows: [event]) { try $0.eventPage(event, $1) }
            pages[pages.count - 1].event = event
        }
        add("calendar", routes.calendar) { $0.calendarPage($1, index: index) }
        add("progress", routes.progress) { $0.progressPage($1) }
        if calendarIsSplit {
            for year in index.years {
                for month in year.months where !month.events.isEmpty {
                    add("calendar-month", { routes.calendarMonth(month.year, month.month, $0) }, shows: month.events) {
                        $0.calendarMonthPage(month, $1)
                    }
                }
            }
        }
        for area in site.areas {
            for year in areaYears(area) {
                add(
                    "area-year", { routes.areaYear(area.slug, year, $0) },
                    shows: events(in: area).filter { $0.start.date.year == year }
                ) {
                    $0.areaYearPage(area, year: year, $1)
                }
            }
        }
        return pages
    }

    /// Every file of the build. Where the build memory knows what a file is made from, the file
    /// carries a reuse key, so that a rebuild renders only the events that changed.
    func plan(index: CalendarIndex) -> [PlannedPage] {
        var planned: [PlannedPage] = []
        func page(
            _ path: String, _ template: String, reuseKey: UInt64? = nil,
            _ view: @escaping @Sendable (RenderContext) throws -> any TemplateView
        ) {
            planned.append(
                PlannedPage(
                    file: routes.outputFile(for: path), content: .page(template: template, view: view),
                    reuseKey: reuseKey))
        }
        func file(
            _ path: String, reuseKey: UInt64? = nil, _ render: @escaping @Sendable (RenderContext) throws -> String
        ) {
            planned.append(PlannedPage(file: routes.outputFile(for: path), content: .file(render), reuseKey: reuseKey))
        }
        func encoded(
            _ path: String, reuseKey: UInt64? = nil, _ render: @escaping @Sendable (RenderContext) throws -> [UInt8]
        ) {
            planned.append(
                PlannedPage(file: routes.outputFile(for: path), content: .encoded(render), reuseKey: reuseKey))
        }
        func key(_ folders: [String]?) -> UInt64? { folders.flatMap { memory.reuseKey(forEventFolders: $0) } }
        let localized = localizedPages(index: index)
        // Sorted once for the feeds of every language.
        let feedOrder = Self.newestChangeFirst(site.events)
        page(routes.chooser, "chooser") { $0.chooserPage() }
        page(routes.notFound, "not-found") { $0.notFoundPage() }
        // A page's key is the same in every language, and an event's `event.ics` has its page's.
        let entryKeys = localized.map { key($0.shows) }
        // Each page's path in each language, made once for the files, the sitemap's parts and its key.
        let languages = config.languages.map(\.code)
        let paths = localized.map { entry in languages.map { entry.path($0) } }
        let areaCalendarKeys = site.areas.map { key(events(in: $0).map(\.folder)) }
        for (languageIndex, language) in languages.enumerated() {
            // By position: each file's closure holds the list and a number, not a copy of its page.
            for index in localized.indices {
                let entryKey = entryKeys[index]
                page(paths[index][languageIndex], localized[index].template, reuseKey: entryKey) {
                    try localized[index].view($0, language)
                }
                guard let event = localized[index].event else { continue }
                encoded(routes.eventCalendarFile(event.slug, language), reuseKey: entryKey) {
                    try $0.iCalendarBytes(
                        [event], language: language, name: $0.config.choose(event.texts, for: language)!.text.title,
                        wholeBodies: true)
                }
                planned[planned.count - 1].rendersWithPrevious = true
            }
            encoded(routes.calendarFile(language)) {
                try $0.iCalendarBytes($0.site.events, language: language, name: $0.calendarName(language))
            }
            // An area's calendar shows its events only: kept, like an area's year, while none
            // of them and nothing every page shows changed (after one edit, 7 of 8 are kept).
            for (areaIndex, area) in site.areas.enumerated() {
                let events = events(in: area)
                encoded(routes.areaCalendarFile(area.slug, language), reuseKey: areaCalendarKeys[areaIndex]) {
                    try $0.iCalendarBytes(events, language: language, name: $0.calendarName(language, area: area))
                }
                planned[planned.count - 1].whenKept = { $0.feedFragments.skipUse(language) }
            }
            encoded(routes.feed(language)) { try $0.atomFeedBytes(language: language, entries: feedOrder) }
            file(routes.progressCSV(language)) { $0.progressCSV(language) }
        }
        // Renamed items' old addresses, in every language.
        let redirects = site.redirects
        for language in languages {
            for redirect in redirects {
                page(routes.page(of: redirect.oldPage, language), "redirect") {
                    $0.redirectPage(to: redirect.target, titles: redirect.titles, language)
                }
            }
        }
        // One sitemap, or past sitemaps.org's limits an index of several. It lists addresses
        // only, so it is kept while the addresses and what every page shows are the same.
        let parts = sitemapParts(localized, paths: paths, urlLimit: sitemapURLLimit)
        let sitemapKey = memory.reuseKey(forPaths: paths)
        if parts.count == 1 {
            file(routes.sitemap, reuseKey: sitemapKey) { $0.sitemap(localized) }
        } else {
            file(routes.sitemap, reuseKey: sitemapKey) { $0.sitemapIndex(parts: parts.count) }
            for (offset, part) in parts.enumerated() {
                file(sitemapPart(offset + 1), reuseKey: sitemapKey) { $0.sitemap(part, withChooser: offset == 0) }
            }
        }
        file(routes.robots) { $0.robotsTxt() }
        return planned
    }
}

enum PathCollisions {
    static func find(_ pages: [PlannedPage], assets: [String]) -> [Diagnostic] {
        // Each path's hash first: a large site has tens of thousands of files, and a set of
        // hashes is much cheaper than a set of paths. Paths are compared only if two hashes meet.
        var hashes = Set<UInt64>(minimumCapacity: pages.count + assets.count)
        func isNew(_ path: String) -> Bool {
            var path = path
            return hashes.insert(path.withUTF8 { WordHash.of(UnsafeRawBufferPointer($0)) }).inserted
        }
        guard !assets.allSatisfy({ isNew("assets/" + $0) }) || !pages.allSatisfy({ isNew($0.file) }) else { return [] }
        var seen = Set(assets.map { "assets/" + $0 })
        var problems: [Diagnostic] = []
        for page in pages where !seen.insert(page.file).inserted {
            problems.append(.error(SourceLocation(path: page.file), "two pages would be written to '\(page.file)'"))
        }
        return problems
    }
}
