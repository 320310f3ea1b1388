import Foundation

/// Every file of the build with what renders it, planned before anything is rendered so that
/// two files at one path are caught (Zola's `find_path_collisions`).
struct PlannedPage {
    enum Content {
        /// An HTML page: a theme template and its view.
        case page(template: String, view: () -> Any)
        /// A file the builder writes itself (calendar, feed, sitemap, robots.txt).
        case file(() -> String)
    }

    let file: String
    let content: Content
}

/// A page that exists in every language, with its path in each: the one list the pages, the
/// language switcher and the sitemap are all made from.
struct LocalizedPage {
    let template: String
    let path: (String) -> String
    let view: (String) -> Any
}

extension RenderContext {
    func localizedPages(index: CalendarIndex) -> [LocalizedPage] {
        var pages: [LocalizedPage] = []
        func add(_ template: String, _ path: @escaping (String) -> String, _ view: @escaping (String) -> Any) {
            pages.append(LocalizedPage(template: template, path: path, view: view))
        }
        add("home", routes.home) { homePage($0) }
        add("documents", routes.documents) { documentsPage($0) }
        for document in site.documents {
            add("document", { routes.document(document.slug, $0) }) { documentPage(document, $0) }
        }
        add("areas", routes.areas) { areasPage($0) }
        for area in site.areas {
            add("area", { routes.area(area.slug, $0) }) { areaPage(area, $0) }
        }
        for event in site.events {
            add("event", { routes.event(event.slug, $0) }) { eventPage(event, $0) }
        }
        add("calendar", routes.calendar) { calendarPage($0, index: index) }
        return pages
    }

    func plan(index: CalendarIndex) -> [PlannedPage] {
        var planned: [PlannedPage] = []
        func page(_ path: String, _ template: String, _ view: @escaping () -> Any) {
            planned.append(PlannedPage(file: routes.outputFile(for: path), content: .page(template: template, view: view)))
        }
        func file(_ path: String, _ render: @escaping () -> String) {
            planned.append(PlannedPage(file: routes.outputFile(for: path), content: .file(render)))
        }
        let localized = localizedPages(index: index)
        page(routes.chooser, "chooser") { chooserPage() }
        page(routes.notFound, "not-found") { notFoundPage() }
        for language in config.languages.map(\.code) {
            for entry in localized {
                page(entry.path(language), entry.template) { entry.view(language) }
            }
            file(routes.calendarFile(language)) { iCalendar(site.events, language: language, name: calendarName(language)) }
            for area in site.areas {
                let events = site.events.filter { $0.area == area.slug }
                file(routes.areaCalendarFile(area.slug, language)) {
                    iCalendar(events, language: language, name: calendarName(language, area: area))
                }
            }
            for event in site.events {
                file(routes.eventCalendarFile(event.slug, language)) {
                    iCalendar([event], language: language, name: config.choose(event.texts, for: language)!.text.title)
                }
            }
            file(routes.feed(language)) { atomFeed(language: language) }
        }
        file(routes.sitemap) { sitemap(localized) }
        file(routes.robots) { robotsTxt() }
        return planned
    }
}

enum PathCollisions {
    static func find(_ pages: [PlannedPage], assets: [String]) -> [Diagnostic] {
        var seen = Set(assets.map { "assets/" + $0 })
        var problems: [Diagnostic] = []
        for page in pages where !seen.insert(page.file).inserted {
            problems.append(.error(SourceLocation(path: page.file), "two pages would be written to '\(page.file)'"))
        }
        return problems
    }
}
