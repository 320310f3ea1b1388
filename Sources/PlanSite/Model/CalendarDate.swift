/// A day in the proleptic Gregorian calendar, with no time zone: events are dated by the
/// day they happen where they happen (hugo#12940: a date without a zone must not shift).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2025-03-12`
    public var description: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        guard value >= 0 else {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        // Dates and times are padded for every event of every calendar and page: the digits
        // are written in place rather than joined from two Strings.
        var digitCount = 1
        var rest = value / 10
        while rest > 0 { digitCount += 1; rest /= 10 }
        let length = max(width, digitCount)
        return String(unsafeUninitializedCapacity: length) { bytes in
            var value = value
            for offset in stride(from: length - 1, through: 0, by: -1) {
                bytes[offset] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return length
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day after, for iCalendar's exclusive end dates.
    public var next: CalendarDate {
        if day < Self.daysIn(month: month, year: year) { return CalendarDate(year: year, month: month, day: day + 1) }
        if month < 12 { return CalendarDate(year: year, month: month + 1, day: 1) }
        return CalendarDate(year: year + 1, month: 1, day: 1)
    }

    /// `20250312`, iCalendar's DATE form.
    public var basic: String { "\(Self.pad(year, 4))\(Self.pad(month, 2))\(Self.pad(day, 2))" }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }
}

/// When an event starts or ends: a day, and a time of day for timed events.
public struct EventTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let date: CalendarDate
    /// Minutes after midnight, or nil for an all-day date.
    public let minuteOfDay: Int?

    public init(date: CalendarDate, minuteOfDay: Int? = nil) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    public var isTimed: Bool { minuteOfDay != nil }

    public static func < (lhs: EventTime, rhs: EventTime) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        return (lhs.minuteOfDay ?? -1) < (rhs.minuteOfDay ?? -1)
    }

    /// `2025-03-12` or `2025-03-12 10:00`, as written in `meta.yaml`.
    public var description: String {
        guard let minutes = minuteOfDay else { return date.description }
        return "\(date) \(CalendarDate.pad(minutes / 60, 2)):\(CalendarDate.pad(minutes % 60, 2))"
    }

    public enum ParseError: Error, Equatable {
        case malformed
        case impossible(String)
    }

    /// Parses `YYYY-MM-DD`, optionally followed by ` HH:MM` (or `THH:MM`).
    public static func parse(_ text: String) -> Result<EventTime, ParseError> {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 1 || parts.count == 2 else { return .failure(.malformed) }
        let dateFields = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard dateFields.count == 3, dateFields[0].count == 4, dateFields[1].count == 2, dateFields[2].count == 2,
            let year = Int(dateFields[0]), let month = Int(dateFields[1]), let day = Int(dateFields[2]),
            dateFields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return .failure(.malformed) }
        guard (1...12).contains(month) else {
            return .failure(.impossible("there is no month \(month)"))
        }
        let length = CalendarDate.daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            return .failure(.impossible("\(monthNames[month - 1]) \(year) has \(length) days"))
        }
        let date = CalendarDate(year: year, month: month, day: day)
        guard parts.count == 2 else { return .success(EventTime(date: date)) }
        let timeFields = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard timeFields.count == 2, timeFields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(timeFields[0]), let minute = Int(timeFields[1])
        else { return .failure(.malformed) }
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            return .failure(.impossible("there is no time \(parts[1]) in a day"))
        }
        return .success(EventTime(date: date, minuteOfDay: hour * 60 + minute))
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"
    ]
}
