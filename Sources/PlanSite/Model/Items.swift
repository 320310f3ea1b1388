import Foundation

/// The kinds of item, each with its folder under `content/` and its pages under `LANG/`.
public enum ItemKind: String, Sendable, Hashable {
    case home, document, area, event
}

/// One of the documents (the plan, the MoU, the cover note).
public struct Document: Sendable {
    public let slug: String
    public let folder: String
    public let order: Int
    public let reference: String?
    public let date: CalendarDate?
    public let place: LocalizedText?
    public let texts: [String: DocumentText]
}

/// An area of the plan's table.
public struct Area: Sendable {
    public let slug: String
    public let folder: String
    public let number: Int
    public let texts: [String: AreaText]
}

public enum EventStatus: String, Sendable, CaseIterable {
    case planned, held, postponed, cancelled
}

public enum EventFormat: String, Sendable, CaseIterable {
    case inPerson = "in-person"
    case online
    case hybrid
}

/// A joint event, or (without an area) a milestone of the plan.
public struct Event: Sendable {
    public let slug: String
    public let folder: String
    public let start: EventTime
    public let end: EventTime?
    public let timezone: TimeZone
    public let area: String?
    public let status: EventStatus
    public let format: EventFormat?
    public let organizers: [String]
    public let draft: Bool
    public let texts: [String: EventText]
    /// When the event's entry last changed (`updated` in meta.yaml), for feeds and calendars.
    public var updated: EventTime? = nil
    /// Raised by editors when dates, time or place change, so calendar clients replace their copy.
    public var sequence: Int = 0

    /// The last day the event runs (its start day when it has no end).
    public var lastDay: CalendarDate { end?.date ?? start.date }
}

/// Everything `content/` holds, checked and typed.
public struct Site: Sendable {
    public var config: SiteConfig
    public let home: [String: HomeText]
    /// By `order`, then slug.
    public let documents: [Document]
    /// By `number`.
    public let areas: [Area]
    /// By start, then slug.
    public var events: [Event]

    public init(config: SiteConfig, home: [String: HomeText], documents: [Document], areas: [Area], events: [Event]) {
        self.config = config
        self.home = home
        self.documents = documents
        self.areas = areas
        self.events = events
    }
}
