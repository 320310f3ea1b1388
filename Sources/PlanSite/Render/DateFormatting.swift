import Foundation
import Synchronization

/// Dates and times as each language writes them, through ICU (CONTENT.md: `25 June 2024`,
/// `25 июня 2024 г.`, `2024 ж. 25 маусым`), and the years and counts shown beside them (the
/// progress page's years and `1 234`): the one place the site formats for a language.
/// One instance per language and render thread
/// (`RenderContext.forOneThread`): the formatters are never used by two threads at once,
/// which is what the unchecked conformance promises. The events' formatted dates are shared by
/// the threads of a language, behind a lock (`FormattedSpans`).
public final class DateFormatting: @unchecked Sendable {
    private let locale: Locale
    private let dayFormatter: DateFormatter
    private let monthNameFormatter: DateFormatter
    private let monthPattern: String
    /// The year-month pattern with a placeholder where the month's name goes, made on first
    /// use. One for every month: making an ICU formatter per month was 2% of a build.
    private lazy var monthHeadingFormatter: DateFormatter = {
        var pattern = monthPattern
        for field in ["MMMM", "LLLL"] {
            pattern = pattern.replacingOccurrences(of: field, with: "'\(Self.monthPlaceholder)'")
        }
        return Self.formatter(locale, pattern: pattern)
    }()
    /// A private-use character, which no pattern or language prints.
    private static let monthPlaceholder = "\u{E000}"
    private let dayRangeFormatter: DateIntervalFormatter
    /// Made on first use: only the progress page and the home page's summary need them.
    private lazy var yearFormatter = Self.formatter(locale, template: "y")
    private lazy var numberFormatter: NumberFormatter = {
        let formatter = NumberFormatter()
        formatter.locale = locale
        formatter.numberStyle = .decimal
        return formatter
    }()
    /// Formatters of times in an event's zone, one set per zone, made on first use: changing a
    /// formatter's zone makes ICU build it again at its next use, which cost more than the
    /// formatting itself.
    private var timedFormatters: [String: DateFormatter] = [:]
    private var timedRangeFormatters: [String: DateIntervalFormatter] = [:]
    private var zoneFormatters: [String: DateFormatter] = [:]
    private static let utc = TimeZone(identifier: "UTC")!

    /// - Parameter sharing: the events' formatted dates of another instance for the same
    ///   language (another render thread's), shared with it.
    public init(localeIdentifier: String, sharing other: DateFormatting? = nil) {
        formattedSpans = other?.formattedSpans ?? FormattedSpans()
        locale = Locale(identifier: localeIdentifier)
        dayFormatter = Self.formatter(locale, template: "dMMMMy")
        monthNameFormatter = Self.formatter(locale, pattern: "LLLL")
        monthPattern = DateFormatter.dateFormat(fromTemplate: "MMMMy", options: 0, locale: locale) ?? "LLLL y"
        dayRangeFormatter = Self.intervalFormatter(locale, template: "dMMMMy", in: Self.utc)
    }

    private static func formatter(
        _ locale: Locale, template: String? = nil, pattern: String? = nil,
        in zone: TimeZone = utc
    ) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        if let template { formatter.setLocalizedDateFormatFromTemplate(template) }
        if let pattern { formatter.dateFormat = pattern }
        return formatter
    }

    private static func intervalFormatter(_ locale: Locale, template: String, in zone: TimeZone)
        -> DateIntervalFormatter
    {
        let formatter = DateIntervalFormatter()
        formatter.locale = locale
        formatter.timeZone = zone
        formatter.dateTemplate = template
        return formatter
    }

    /// The formatter kept for `zone` in `formatters`, made by `make` the first time.
    private static func forZone<Formatter>(
        _ zone: TimeZone, in formatters: inout [String: Formatter],
        make: () -> Formatter
    ) -> Formatter {
        if let made = formatters[zone.identifier] { return made }
        let made = make()
        formatters[zone.identifier] = made
        return made
    }

    /// Noon UTC of the day: far from any edge, formatted in UTC, so no zone shifts the day.
    static func instant(_ date: CalendarDate) -> Date {
        utcCalendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!
    }

    /// Gregorian, in UTC; made once: a `Calendar` costs more to make than the date asked of it.
    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar
    }()

    static func instant(_ time: EventTime, in zone: TimeZone) -> Date {
        var calendar = utcCalendar
        calendar.timeZone = zone
        let minutes = time.minuteOfDay ?? 0
        return calendar.date(
            from: DateComponents(
                year: time.date.year, month: time.date.month, day: time.date.day,
                hour: minutes / 60, minute: minutes % 60))!
    }

    /// `25 June 2024`
    public func day(_ date: CalendarDate) -> String {
        dayFormatter.string(from: Self.instant(date))
    }

    /// A year on its own, as the language writes it: `2024`, `2024 г.`, `2024 ж.`
    public func year(_ year: Int) -> String {
        yearFormatter.string(from: Self.instant(CalendarDate(year: year, month: 7, day: 1)))
    }

    /// A count, with the language's digits and grouping: `1,234`, `1 234`.
    public func number(_ count: Int) -> String {
        numberFormatter.string(from: NSNumber(value: count)) ?? String(count)
    }

    /// A month heading: the standalone month name (nominative, `LLLL`), capitalised, in the
    /// language's year-month pattern: "June 2024", "Июнь 2024 г.", "2024 ж. Маусым".
    public func monthHeading(year: Int, month: Int) -> String {
        // The calendar page and each month's page ask for the same months in every build.
        if let known = monthHeadings[year * 100 + month] { return known }
        let heading = formatMonthHeading(year: year, month: month)
        monthHeadings[year * 100 + month] = heading
        return heading
    }

    private var monthHeadings: [Int: String] = [:]

    private func formatMonthHeading(year: Int, month: Int) -> String {
        let date = Self.instant(CalendarDate(year: year, month: month, day: 1))
        let name = monthNameFormatter.string(from: date)
        let capitalised = name.prefix(1).uppercased(with: locale) + name.dropFirst()
        return monthHeadingFormatter.string(from: date).replacingOccurrences(
            of: Self.monthPlaceholder, with: capitalised)
    }

    /// An event's dates: one day, a range of days, or start and end times in the event's zone.
    public func eventDates(_ event: Event) -> String {
        // An event's dates are shown on its page, its area's page, its month and the home
        // page, and many events share dates: ICU formats each distinct span once.
        // Kept for every render thread of the language: an event's page, month and area year
        // are often rendered by different threads.
        let key = EventSpan(start: event.start, end: event.end, zone: event.timezone.identifier)
        if let known = formattedSpans.spans.withLock({ $0[key] }) { return known }
        let formatted = formatDates(event)
        formattedSpans.spans.withLock { $0[key] = formatted }
        return formatted
    }

    /// What `eventDates` shows depends on: the start, the end, and the zone of timed ones.
    fileprivate struct EventSpan: Hashable, Sendable {
        let start: EventTime
        let end: EventTime?
        let zone: String
    }

    private let formattedSpans: FormattedSpans

    private func formatDates(_ event: Event) -> String {
        if event.start.isTimed {
            let start = Self.instant(event.start, in: event.timezone)
            let end = event.end.map { Self.instant($0, in: event.timezone) } ?? start
            let zone = event.timezone
            if start == end {
                return Self.forZone(zone, in: &timedFormatters) {
                    Self.formatter(locale, template: "dMMMMyHHmm", in: zone)
                }
                .string(from: start)
            }
            return Self.forZone(zone, in: &timedRangeFormatters) {
                Self.intervalFormatter(locale, template: "dMMMMyHHmm", in: zone)
            }
            .string(from: start, to: end)
        }
        guard let end = event.end, end.date != event.start.date else { return day(event.start.date) }
        return dayRangeFormatter.string(from: Self.instant(event.start.date), to: Self.instant(end.date))
    }

    /// The event's time zone as the reader's language names it, with its offset on the start day.
    public func zone(of event: Event) -> String {
        let zone = event.timezone
        return Self.forZone(zone, in: &zoneFormatters) { Self.formatter(locale, pattern: "zzzz (ZZZZ)", in: zone) }
            .string(from: Self.instant(event.start, in: zone))
    }

    /// `2024-06-25` or `2024-06-25T10:00+05:00`, for `<time datetime>`.
    public static func machineReadable(_ time: EventTime, in zone: TimeZone) -> String {
        guard let minutes = time.minuteOfDay else { return time.date.description }
        let offset = zone.secondsFromGMT(for: instant(time, in: zone)) / 60
        let sign = offset < 0 ? "-" : "+"
        let hours = CalendarDate.pad(abs(offset) / 60, 2), mins = CalendarDate.pad(abs(offset) % 60, 2)
        let clock = "\(CalendarDate.pad(minutes / 60, 2)):\(CalendarDate.pad(minutes % 60, 2))"
        return "\(time.date)T\(clock)\(sign)\(hours):\(mins)"
    }
}

/// One language's formatted event dates, shared by its formatting on every render thread (the
/// same span is formatted the same by any of them).
private final class FormattedSpans: Sendable {
    let spans = Mutex<[DateFormatting.EventSpan: String]>([:])
}
