import Foundation

/// A time of day written for a zone must be one the zone's clocks show: on the night they go
/// forward (02:00 -> 03:00 in New York on 2025-03-09) 02:30 never happens, and a page that
/// showed it would say "03:30 – 03:15" for an event written as 02:30 to 03:15.
enum LocalTimeCheck {
    /// Why `time`, given as `key`, does not exist in `zone`, or nil when it does (all-day dates
    /// always do).
    static func problem(_ key: String, _ time: EventTime, in zone: TimeZone) -> String? {
        guard let minutes = time.minuteOfDay else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let written = DateComponents(
            year: time.date.year, month: time.date.month, day: time.date.day,
            hour: minutes / 60, minute: minutes % 60)
        // Foundation moves a time in a gap past it: read back, it is not the time written.
        guard let instant = calendar.date(from: written) else { return nil }
        let shown = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        guard
            shown.year != written.year || shown.month != written.month || shown.day != written.day
                || shown.hour != written.hour || shown.minute != written.minute
        else { return nil }
        return "'\(key)' \(time) does not exist in \(zone.identifier): the clocks go forward that night; "
            + "give a time before or after the change"
    }

    /// Reports each of an event's times that its zone skips, at the time's own value.
    static func check(
        _ times: [(key: String, time: EventTime?)], of fields: FieldReader, in zone: TimeZone?,
        log: inout DiagnosticLog
    ) {
        guard let zone else { return }
        for (key, time) in times {
            guard let time, let value = fields.optional(key), let problem = problem(key, time, in: zone) else {
                continue
            }
            log.error(value.location, problem)
        }
    }
}
