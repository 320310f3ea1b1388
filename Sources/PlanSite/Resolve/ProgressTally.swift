/// How far the plan has got (issue 21): each area's events, and the plan's milestones, per year
/// and status. The progress page, its chart, its CSV export and the home page's summary are all
/// made from this one count, so they cannot disagree.
///
/// Drafts are never counted, not even in a build with `--drafts`: the figures are what the plan
/// has published. An event counts in the year it starts in. The years are the plan's period and
/// any year outside it an event falls in (as on the calendar).
public struct ProgressTally: Sendable {
    /// The statuses in the order the page, the chart and the CSV show them.
    public static let statuses: [EventStatus] = [.held, .planned, .postponed, .cancelled]

    /// A number of events per status.
    public struct Counts: Sendable, Equatable {
        /// Indexed like `ProgressTally.statuses`.
        public private(set) var byStatus = [0, 0, 0, 0]

        public var total: Int { byStatus.reduce(0, +) }

        public subscript(status: EventStatus) -> Int { byStatus[ProgressTally.position(of: status)] }

        mutating func add(_ status: EventStatus) { byStatus[ProgressTally.position(of: status)] += 1 }

        mutating func add(_ other: Counts) {
            for index in byStatus.indices { byStatus[index] += other.byStatus[index] }
        }
    }

    /// One area's events (or, with no area, the milestones'), one `Counts` per year.
    public struct Row: Sendable {
        /// Nil for the plan's milestones (events without an area).
        public let area: Area?
        /// Aligned with `years`.
        public let perYear: [Counts]
        public let total: Counts
    }

    public let years: [Int]
    /// The areas by number, then the milestones.
    public let rows: [Row]
    /// Every row's events, per year (aligned with `years`).
    public let perYear: [Counts]
    public let total: Counts
    /// How many areas have at least one event.
    public let areasWithEvents: Int
    public let areaCount: Int

    public init(site: Site) {
        let counted = site.events.filter { !$0.draft }
        let period = site.config.period
        years = Set(counted.map(\.start.date.year)).union(period).sorted()
        let column = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        let empty = Array(repeating: Counts(), count: years.count)
        var cells: [String?: [Counts]] = [:]
        for event in counted {
            cells[event.area, default: empty][column[event.start.date.year]!].add(event.status)
        }
        var rows = site.areas.map { area in Self.row(area, cells[area.slug] ?? empty) }
        rows.append(Self.row(nil, cells[nil as String?] ?? empty))
        self.rows = rows
        perYear = years.indices.map { index in
            var sum = Counts()
            for row in rows { sum.add(row.perYear[index]) }
            return sum
        }
        var total = Counts()
        for row in rows { total.add(row.total) }
        self.total = total
        areasWithEvents = rows.filter { $0.area != nil && $0.total.total > 0 }.count
        areaCount = site.areas.count
    }

    private static func row(_ area: Area?, _ perYear: [Counts]) -> Row {
        var total = Counts()
        for counts in perYear { total.add(counts) }
        return Row(area: area, perYear: perYear, total: total)
    }

    static func position(of status: EventStatus) -> Int {
        switch status {
        case .held: return 0
        case .planned: return 1
        case .postponed: return 2
        case .cancelled: return 3
        }
    }
}
