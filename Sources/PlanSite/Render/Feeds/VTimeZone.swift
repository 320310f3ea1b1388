import Foundation

/// A VTIMEZONE component (RFC 5545 §3.6.5) for one IANA zone, written from the zone's real
/// transitions over the years its events use, so every client agrees on the offsets without
/// knowing the tz database (Asia/Almaty moved from +06 to +05 on 1 March 2024).
enum VTimeZone {
    static func add(_ zone: TimeZone, years: ClosedRange<Int>, to lines: inout ICalendarLines) {
        var local = Calendar(identifier: .gregorian)
        local.timeZone = zone
        let rangeStart = local.date(from: DateComponents(year: years.lowerBound, month: 1, day: 1))!
        let rangeEnd = local.date(from: DateComponents(year: years.upperBound + 1, month: 1, day: 1))!

        lines.begin("VTIMEZONE")
        lines.add("TZID", zone.identifier)
        // The offset in force when the range opens, then each change inside the range.
        let opening = zone.secondsFromGMT(for: rangeStart)
        observance(
            at: rangeStart, from: opening, to: opening, daylight: zone.isDaylightSavingTime(for: rangeStart), to: &lines
        )
        var cursor = rangeStart
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < rangeEnd {
            let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: change)
            if before != after {
                observance(
                    at: change, from: before, to: after, daylight: zone.isDaylightSavingTime(for: change), to: &lines)
            }
            cursor = change
        }
        lines.end("VTIMEZONE")
    }

    /// DTSTART is the local time, in the offset before the change, at which the change happens.
    private static func observance(
        at instant: Date, from before: Int, to after: Int, daylight: Bool,
        to lines: inout ICalendarLines
    ) {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        lines.begin(kind)
        lines.add("DTSTART", localTime(instant, offset: before))
        lines.add("TZOFFSETFROM", offset(before))
        lines.add("TZOFFSETTO", offset(after))
        lines.end(kind)
    }

    static func localTime(_ instant: Date, offset: Int) -> String {
        String(UTCTimestamp.iCalendar(instant.addingTimeInterval(TimeInterval(offset))).dropLast())
    }

    /// `+0500`, `-0330`
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60, rest = abs(seconds) % 60
        return sign + CalendarDate.pad(minutes / 60, 2) + CalendarDate.pad(minutes % 60, 2)
            + (rest == 0 ? "" : CalendarDate.pad(rest, 2))
    }
}
