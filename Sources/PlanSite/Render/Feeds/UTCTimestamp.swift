import Foundation

/// Instants written in UTC for feeds and calendars, computed from calendar fields rather than a
/// shared `DateFormatter`, so rendering threads share nothing.
enum UTCTimestamp {
    private static func fields(_ instant: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
    }

    /// `20240625T040000Z` (RFC 5545 DATE-TIME in UTC).
    static func iCalendar(_ instant: Date) -> String {
        let f = fields(instant)
        return pad(f.year!, 4) + pad(f.month!, 2) + pad(f.day!, 2) + "T" + pad(f.hour!, 2) + pad(f.minute!, 2) + pad(f.second!, 2) + "Z"
    }

    /// `2024-06-25T04:00:00Z` (RFC 3339, for Atom).
    static func rfc3339(_ instant: Date) -> String {
        let f = fields(instant)
        return "\(pad(f.year!, 4))-\(pad(f.month!, 2))-\(pad(f.day!, 2))T\(pad(f.hour!, 2)):\(pad(f.minute!, 2)):\(pad(f.second!, 2))Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String { CalendarDate.pad(value, width) }
}
