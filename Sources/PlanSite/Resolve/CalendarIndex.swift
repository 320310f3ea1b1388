/// The calendar index: every year of the plan's period (and any year an event falls in
/// outside it), each with its twelve months and the events that start in them.
public struct CalendarIndex: Sendable {
    public struct Month: Sendable {
        public let year: Int
        public let month: Int
        public let events: [Event]
    }

    public struct Year: Sendable {
        public let year: Int
        public let months: [Month]
        public var eventCount: Int { months.reduce(0) { $0 + $1.events.count } }
    }

    public let years: [Year]

    public init(events: [Event], period: ClosedRange<Int>) {
        var byMonth: [Int: [Event]] = [:]
        for event in events {
            byMonth[event.start.date.year * 100 + event.start.date.month, default: []].append(event)
        }
        let eventYears = events.map(\.start.date.year)
        let first = min(period.lowerBound, eventYears.min() ?? period.lowerBound)
        let last = max(period.upperBound, eventYears.max() ?? period.upperBound)
        years = (first...last).compactMap { year in
            let months = (1...12).map { Month(year: year, month: $0, events: byMonth[year * 100 + $0] ?? []) }
            // Years outside the plan's period are shown only when an event falls in them.
            if !period.contains(year) && months.allSatisfy({ $0.events.isEmpty }) { return nil }
            return Year(year: year, months: months)
        }
    }
}
