import Foundation
import PlanMarkdown

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
    /// Slugs it was published under before, oldest first (`Renamed items`).
    public var aliases: [Alias] = []
    /// The languages whose texts are originals, in site.yaml's order (`authentic`).
    public var authentic: [String] = []
    /// Its cover and downloads (`cover`, `attachments`).
    public var media = ItemMediaFields()
}

/// An area of the plan's table.
public struct Area: Sendable {
    public let slug: String
    public let folder: String
    public let number: Int
    public let texts: [String: AreaText]
    /// Slugs it was published under before, oldest first (`Renamed items`).
    public var aliases: [Alias] = []
    /// The languages whose texts are originals, in site.yaml's order (`authentic`).
    public var authentic: [String] = []
    /// Its cover and downloads (`cover`, `attachments`).
    public var media = ItemMediaFields()
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
    /// The fields, held once: an event is copied into every list that shows it (its area's,
    /// each language's pages, the calendar's months), and a copy of the fields themselves
    /// retained each of their strings and tables again — 10,000 events made that a share of
    /// every build that showed in its profile.
    private final class Fields: Sendable {
        let slug: String
        let folder: String
        let start: EventTime
        let end: EventTime?
        let timezone: TimeZone
        let area: String?
        let status: EventStatus
        let format: EventFormat?
        let organizers: [String]
        let draft: Bool
        let texts: [String: EventText]
        let updated: EventTime?
        let sequence: Int
        let aliases: [Alias]
        let authentic: [String]
        let statusKey: SourcePosition?
        let media: ItemMediaFields

        init(
            slug: String, folder: String, start: EventTime, end: EventTime?, timezone: TimeZone, area: String?,
            status: EventStatus, format: EventFormat?, organizers: [String], draft: Bool, texts: [String: EventText],
            updated: EventTime?, sequence: Int, aliases: [Alias], authentic: [String], statusKey: SourcePosition?,
            media: ItemMediaFields
        ) {
            self.slug = slug
            self.folder = folder
            self.start = start
            self.end = end
            self.timezone = timezone
            self.area = area
            self.status = status
            self.format = format
            self.organizers = organizers
            self.draft = draft
            self.texts = texts
            self.updated = updated
            self.sequence = sequence
            self.aliases = aliases
            self.authentic = authentic
            self.statusKey = statusKey
            self.media = media
        }
    }

    private let fields: Fields

    public init(
        slug: String, folder: String, start: EventTime, end: EventTime?, timezone: TimeZone, area: String?,
        status: EventStatus, format: EventFormat?, organizers: [String], draft: Bool, texts: [String: EventText],
        updated: EventTime? = nil, sequence: Int = 0, aliases: [Alias] = [], authentic: [String] = [],
        statusKey: SourcePosition? = nil, media: ItemMediaFields = ItemMediaFields()
    ) {
        fields = Fields(
            slug: slug, folder: folder, start: start, end: end, timezone: timezone, area: area, status: status,
            format: format, organizers: organizers, draft: draft, texts: texts, updated: updated,
            sequence: sequence, aliases: aliases, authentic: authentic, statusKey: statusKey, media: media)
    }

    public var slug: String { fields.slug }
    public var folder: String { fields.folder }
    public var start: EventTime { fields.start }
    public var end: EventTime? { fields.end }
    public var timezone: TimeZone { fields.timezone }
    public var area: String? { fields.area }
    public var status: EventStatus { fields.status }
    public var format: EventFormat? { fields.format }
    public var organizers: [String] { fields.organizers }
    public var draft: Bool { fields.draft }
    public var texts: [String: EventText] { fields.texts }
    /// When the event's entry last changed (`updated` in meta.yaml), for feeds and calendars.
    public var updated: EventTime? { fields.updated }
    /// Raised by editors when dates, time or place change, so calendar clients replace their copy.
    public var sequence: Int { fields.sequence }
    /// Slugs it was published under before, oldest first (`Renamed items`).
    public var aliases: [Alias] { fields.aliases }
    /// The languages whose texts are originals, in site.yaml's order (`authentic`).
    public var authentic: [String] { fields.authentic }
    /// Where meta.yaml sets `status`; nil when it does not (the default, planned).
    public var statusKey: SourcePosition? { fields.statusKey }
    /// Its cover and downloads (`cover`, `attachments`).
    public var media: ItemMediaFields { fields.media }
    /// The slug it was first published under: its calendar UID and feed id are made from it,
    /// so that renaming it changes the event for subscribers rather than adding a second one.
    public var firstSlug: String { aliases.first?.slug ?? slug }

    /// The last day the event runs (its start day when it has no end).
    public var lastDay: CalendarDate { end?.date ?? start.date }
}

/// An earlier slug of a renamed item, and where its `meta.yaml` lists it.
public struct Alias: Sendable, Hashable {
    public let slug: String
    public let position: SourcePosition

    public init(slug: String, position: SourcePosition) {
        self.slug = slug
        self.position = position
    }
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
    /// The media files of every item's folder.
    public var media = MediaLibrary()

    public init(config: SiteConfig, home: [String: HomeText], documents: [Document], areas: [Area], events: [Event]) {
        self.config = config
        self.home = home
        self.documents = documents
        self.areas = areas
        self.events = events
    }
}
