import Foundation

/// "Today" for deciding which events are upcoming: `SOURCE_DATE_EPOCH` when set (the
/// reproducible-builds convention), else the clock; read as a day in the site's time zone.
public enum BuildClock {
    /// The commands refuse a malformed value before building (`problem`); here one that
    /// slipped through is read as unset.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = epochSeconds(text) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    /// The last second of the year 9999: four-digit years are all a date is written with.
    static let latestEpoch: Int64 = 253_402_300_799

    /// Why `SOURCE_DATE_EPOCH` cannot be used, or nil when it is unset, empty or a whole number
    /// of seconds since 1970 written in decimal digits (the convention's definition).
    public static func problem(environment: [String: String]) -> String? {
        guard let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty, epochSeconds(text) == nil else { return nil }
        return "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 00:00 UTC, such as 1735689600, "
            + "not '\(text)'"
    }

    /// Decimal digits only: no sign, fraction, exponent or spaces.
    private static func epochSeconds(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let seconds = Int64(text), seconds <= latestEpoch
        else { return nil }
        return seconds
    }

    public static func day(of instant: Date, in zone: TimeZone) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
