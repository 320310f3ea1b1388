import Foundation

/// How an event's status reads in calendars and in schema.org.
///
/// `planned` maps to CONFIRMED, not TENTATIVE: an event in the plan with its dates set is
/// scheduled (schema.org's EventScheduled says the same), and calendar apps grey out
/// TENTATIVE entries as "maybe". `postponed` is TENTATIVE: the dates shown no longer hold.
extension EventStatus {
    var iCalendarStatus: String {
        switch self {
        case .planned, .held: return "CONFIRMED"
        case .postponed: return "TENTATIVE"
        case .cancelled: return "CANCELLED"
        }
    }

    /// Held events in the past stay EventScheduled: schema.org has no "took place" status.
    var schemaOrgStatus: String {
        switch self {
        case .planned, .held: return "https://schema.org/EventScheduled"
        case .postponed: return "https://schema.org/EventPostponed"
        case .cancelled: return "https://schema.org/EventCancelled"
        }
    }
}

extension EventFormat {
    var schemaOrgAttendanceMode: String {
        switch self {
        case .inPerson: return "https://schema.org/OfflineEventAttendanceMode"
        case .online: return "https://schema.org/OnlineEventAttendanceMode"
        case .hybrid: return "https://schema.org/MixedEventAttendanceMode"
        }
    }
}

extension Event {
    /// When the event's entry last changed: `updated` from meta.yaml, else its start, so feeds
    /// and calendars depend on the content only, never on the clock.
    var lastChanged: Date {
        DateFormatting.instant(updated ?? start, in: timezone)
    }
}
