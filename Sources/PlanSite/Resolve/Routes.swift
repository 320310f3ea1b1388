/// Where every page lives. Paths are absolute from the host's root and include the base
/// path, so links work when the site is hosted under a sub-path (`/plan/`).
public struct Routes: Sendable {
    public let basePath: String

    public init(basePath: String) {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    public var chooser: String { basePath }
    public var notFound: String { basePath + "404.html" }
    public func home(_ language: String) -> String { basePath + "\(language)/" }
    public func documents(_ language: String) -> String { basePath + "\(language)/documents/" }
    public func document(_ slug: String, _ language: String) -> String { basePath + "\(language)/documents/\(slug)/" }
    public func areas(_ language: String) -> String { basePath + "\(language)/areas/" }
    public func area(_ slug: String, _ language: String) -> String { basePath + "\(language)/areas/\(slug)/" }
    public func event(_ slug: String, _ language: String) -> String { basePath + "\(language)/events/\(slug)/" }
    public func calendar(_ language: String) -> String { basePath + "\(language)/calendar/" }
    public func calendarMonth(_ year: Int, _ month: Int, _ language: String) -> String {
        basePath + "\(language)/calendar/\(year)-\(CalendarDate.pad(month, 2))/"
    }
    public func areaYear(_ slug: String, _ year: Int, _ language: String) -> String {
        basePath + "\(language)/areas/\(slug)/\(year)/"
    }
    public func progress(_ language: String) -> String { basePath + "\(language)/progress/" }
    public func asset(_ name: String) -> String { basePath + "assets/\(name)" }

    // Files for calendar apps, feed readers and crawlers.
    public func calendarFile(_ language: String) -> String { basePath + "\(language)/calendar.ics" }
    public func areaCalendarFile(_ slug: String, _ language: String) -> String {
        basePath + "\(language)/areas/\(slug)/calendar.ics"
    }
    public func eventCalendarFile(_ slug: String, _ language: String) -> String {
        basePath + "\(language)/events/\(slug)/event.ics"
    }
    public func feed(_ language: String) -> String { basePath + "\(language)/feed.xml" }
    public func progressCSV(_ language: String) -> String { basePath + "\(language)/progress.csv" }
    public var sitemap: String { basePath + "sitemap.xml" }
    public var robots: String { basePath + "robots.txt" }

    /// The file a page path is written to, relative to the output folder.
    public func outputFile(for path: String) -> String {
        var relative = String(path.dropFirst(basePath.count))
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        return relative
    }

    /// The path of an item's page in a language.
    public func page(of target: ItemReference, _ language: String) -> String {
        switch target.kind {
        case .home: return home(language)
        case .document: return document(target.slug, language)
        case .area: return area(target.slug, language)
        case .event: return event(target.slug, language)
        }
    }
}

/// An item, named by its kind and slug.
public struct ItemReference: Sendable, Hashable {
    public let kind: ItemKind
    public let slug: String
}
