/// Where the progress chart's parts go (issue 21): the areas down, the years across, in SVG user
/// units. The `progress-chart` template draws them; the chart scales to its box, so these are
/// proportions, not pixels.
enum ProgressChartLayout {
    static let width = 960
    static let labelWidth = 170
    static let headerHeight = 30
    static let cellHeight = 46
    /// The gap around each cell's box, inside its column and row.
    static let inset = 2

    /// The labels, in the reader's language, that the chart shows.
    struct Labels {
        let title: String
        let years: [String]
        /// One per tally row: "Area 1", …, then the milestones.
        let rows: [String]
        /// One per `ProgressTally.statuses`.
        let statuses: [String]
        let today: String
        let count: (Int) -> String
    }

    static func chart(_ tally: ProgressTally, labels: Labels, today: CalendarDate) -> ProgressChart {
        let cellWidth = (width - labelWidth) / max(1, tally.years.count)
        let columns = tally.years.indices.map {
            ProgressChart.Column(x: labelWidth + $0 * cellWidth + cellWidth / 2, label: labels.years[$0])
        }
        let rows = tally.rows.enumerated().map { index, row in
            let y = headerHeight + index * cellHeight
            let cells = row.perYear.enumerated().map { column, counts in
                let x = labelWidth + column * cellWidth
                // Two marks a line, in the statuses' order; the shapes tell them apart.
                let present = ProgressTally.statuses.filter { counts[$0] > 0 }
                let marks = present.enumerated().map { slot, status in
                    mark(
                        status, x: x + 14 + (slot % 2) * (cellWidth / 2), y: y + 15 + (slot / 2) * 18,
                        label: labels.count(counts[status]))
                }
                return ProgressChart.Cell(x: x + inset, y: y + inset, isEmpty: counts.total == 0, marks: marks)
            }
            return ProgressChart.Row(y: y, labelY: y + cellHeight / 2 + 5, label: labels.rows[index], cells: cells)
        }
        let gridBottom = headerHeight + tally.rows.count * cellHeight
        let legendY = gridBottom + 44
        let slot = width / (ProgressTally.statuses.count + 1)
        let legend = ProgressTally.statuses.enumerated().map { index, status in
            mark(status, x: 8 + index * slot, y: legendY, label: labels.statuses[index])
        }
        return ProgressChart(
            title: labels.title, width: width, height: legendY + 16, labelWidth: labelWidth, headerY: 20,
            cellWidth: cellWidth, cellHeight: cellHeight,
            boxWidth: cellWidth - 2 * inset, boxHeight: cellHeight - 2 * inset,
            columns: columns, rows: rows, gridTop: headerHeight, gridBottom: gridBottom,
            today: todayLine(
                today, years: tally.years, cellWidth: cellWidth, gridBottom: gridBottom,
                legendX: 8 + ProgressTally.statuses.count * slot, legendY: legendY, label: labels.today),
            legend: legend
        )
    }

    private static func mark(_ status: EventStatus, x: Int, y: Int, label: String) -> ProgressChart.Mark {
        ProgressChart.Mark(
            x: x, y: y, status: status.rawValue, isHeld: status == .held, isPlanned: status == .planned,
            isPostponed: status == .postponed, isCancelled: status == .cancelled, label: label)
    }

    /// The line at today's place in its year's column; none when today is in no year shown.
    private static func todayLine(
        _ today: CalendarDate, years: [Int], cellWidth: Int, gridBottom: Int,
        legendX: Int, legendY: Int, label: String
    ) -> TodayLine? {
        guard let column = years.firstIndex(of: today.year) else { return nil }
        var dayOfYear = today.day - 1
        for month in 1..<today.month { dayOfYear += CalendarDate.daysIn(month: month, year: today.year) }
        let daysInYear = CalendarDate.isLeap(today.year) ? 366 : 365
        let x = labelWidth + column * cellWidth + dayOfYear * cellWidth / daysInYear
        return TodayLine(
            x: x, labelX: min(max(x, labelWidth + 30), width - 30), labelY: gridBottom + 16,
            legendX: legendX, legendY: legendY, label: label)
    }
}
