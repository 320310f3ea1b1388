/// Every page of the build, with its output file and the template that renders it, planned
/// before anything is rendered so that two pages at one path are caught (Zola's
/// `find_path_collisions`).
struct PlannedPage {
    let file: String
    let template: String
    let view: () -> Any
}

extension RenderContext {
    func plan(index: CalendarIndex) -> [PlannedPage] {
        var pages: [PlannedPage] = []
        func add(_ path: String, _ template: String, _ view: @escaping () -> Any) {
            pages.append(PlannedPage(file: routes.outputFile(for: path), template: template, view: view))
        }
        add(routes.chooser, "chooser") { chooserPage() }
        add(routes.notFound, "not-found") { notFoundPage() }
        for language in config.languages.map(\.code) {
            add(routes.home(language), "home") { homePage(language) }
            add(routes.documents(language), "documents") { documentsPage(language) }
            for document in site.documents {
                add(routes.document(document.slug, language), "document") { documentPage(document, language) }
            }
            add(routes.areas(language), "areas") { areasPage(language) }
            for area in site.areas {
                add(routes.area(area.slug, language), "area") { areaPage(area, language) }
            }
            for event in site.events {
                add(routes.event(event.slug, language), "event") { eventPage(event, language) }
            }
            add(routes.calendar(language), "calendar") { calendarPage(language, index: index) }
        }
        return pages
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
