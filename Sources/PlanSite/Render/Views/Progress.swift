/// The progress page's view (issue 21): the summary, the chart's geometry and the table.
/// Every number in it is already written in the reader's language; the chart's coordinates are
/// SVG user units, whole numbers, laid out by `ProgressChartLayout`.

struct ProgressPage {
    let page: PageChrome
    let summary: String
    let asOf: String
    let asOfDatetime: String
    let chart: ProgressChart
    let yearHeadings: [String]
    let rows: [ProgressRow]
    let totals: ProgressRow
    let csvHref: String
}

/// One row of the table: an area (number, title, link) or the milestones.
struct ProgressRow {
    let number: String?
    let title: String
    let titleLang: String
    let href: String?
    let cells: [ProgressCell]
    let total: ProgressCell
}

/// One area's events in one year (or in all of them): the count, then the count per status.
struct ProgressCell {
    let count: String
    let isEmpty: Bool
    /// "held: 2, planned: 1": the statuses that have events, in `ProgressTally.statuses` order.
    let statuses: String
}

/// The chart as the `progress-chart` template draws it.
struct ProgressChart {
    struct Column {
        let x: Int
        let label: String
    }

    struct Row {
        let y: Int
        let labelY: Int
        let label: String
        let cells: [Cell]
    }

    struct Cell {
        let x: Int
        let y: Int
        let isEmpty: Bool
        let marks: [Mark]
    }

    /// A status's shape at (x, y) with a text beside it: in a cell, the count of its events;
    /// in the legend, its name. The shape tells the statuses apart in print and for readers
    /// who do not see the colours.
    struct Mark {
        let x: Int
        let y: Int
        /// The CSS class of the status (`held`, …), which gives its colour.
        let status: String
        let isHeld: Bool
        let isPlanned: Bool
        let isPostponed: Bool
        let isCancelled: Bool
        let label: String
    }

    let title: String
    let width: Int
    let height: Int
    let labelWidth: Int
    let headerY: Int
    let cellWidth: Int
    let cellHeight: Int
    /// A cell's box: its column and row less a gap all round.
    let boxWidth: Int
    let boxHeight: Int
    let columns: [Column]
    let rows: [Row]
    let gridTop: Int
    let gridBottom: Int
    let today: TodayLine?
    let legend: [Mark]
}

/// Where "today" falls on the chart's years, with its label under the grid and in the legend.
struct TodayLine {
    let x: Int
    let labelX: Int
    let labelY: Int
    let legendX: Int
    let legendY: Int
    let label: String
}
