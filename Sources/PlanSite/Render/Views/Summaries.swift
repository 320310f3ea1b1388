/// An event as listed on the home page, an area page and the calendar.
struct EventSummary {
    let href: String
    let title: String
    let titleLang: String
    let dates: String
    /// Machine-readable start for `<time datetime>`.
    let datetime: String
    let status: String
    /// A CSS-safe status word (`planned`, `cancelled`, …).
    let statusClass: String
    let isCancelled: Bool
    let area: TextLink?
    let milestone: String?
    /// The event's cover, small, in lists.
    let cover: RenderedHTML?
}

/// An area as listed on the home page and the list of areas.
struct AreaSummary {
    let number: Int
    let numberLabel: String
    let href: String
    let title: String
    let titleLang: String
}

/// A document as listed on the home page and in the menu.
struct DocumentSummary {
    let href: String
    let title: String
    let titleLang: String
    let reference: String?
    let date: String?
}

/// Events grouped under a year heading.
struct YearGroup {
    let year: Int
    let events: [EventSummary]
}
