import Foundation

/// Instants written in UTC for feeds and calendars, computed from calendar fields rather than a
/// shared `DateFormatter`, so rendering threads share nothing.
enum UTCTimestamp {
    typealias Fields = (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)

    /// Whole seconds from 1970 up to this bound (10000-01-01) are split by arithmetic; each
    /// calendar line and feed entry has one or two timestamps, and a `Calendar` costs
    /// microseconds per call. Other instants go through `Calendar`, whose Gregorian calendar
    /// turns Julian before 1582.
    private static let arithmeticEnd: TimeInterval = 253_402_300_800

    static func fields(_ instant: Date) -> Fields {
        let interval = instant.timeIntervalSince1970
        guard interval >= 0, interval < arithmeticEnd else { return calendarFields(instant) }
        let seconds = Int(interval)  // toward zero, which for a positive interval is down, as Calendar rounds
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let date = civilDate(daysSince1970: days)
        return (date.year, date.month, date.day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }

    /// Year, month and day of a count of days since 1970-01-01 in the proleptic Gregorian
    /// calendar (H. Hinnant's `civil_from_days`, for days >= 0).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func calendarFields(_ instant: Date) -> Fields {
        let f = DateFormatting.utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return (f.year!, f.month!, f.day!, f.hour!, f.minute!, f.second!)
    }

    /// `20240625T040000Z` (RFC 5545 DATE-TIME in UTC).
    static func iCalendar(_ instant: Date) -> String {
        let f = fields(instant)
        return pad(f.year, 4) + pad(f.month, 2) + pad(f.day, 2) + "T" + pad(f.hour, 2) + pad(f.minute, 2)
            + pad(f.second, 2) + "Z"
    }

    /// `2024-06-25T04:00:00Z` (RFC 3339, for Atom).
    static func rfc3339(_ instant: Date) -> String {
        let f = fields(instant)
        let day = "\(pad(f.year, 4))-\(pad(f.month, 2))-\(pad(f.day, 2))"
        return "\(day)T\(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String { CalendarDate.pad(value, width) }
}
