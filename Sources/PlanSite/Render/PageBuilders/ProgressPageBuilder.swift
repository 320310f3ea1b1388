extension RenderContext {
    /// The progress page (issue 21): the summary, the chart and the same figures as a table.
    func progressPage(_ language: String) -> ProgressPage {
        let t = strings(language)
        let dates = dateFormatting(language)
        let summary = progressSummary(language)
        let years = progress.years.map { dates.year($0) }
        let rows = progress.rows.map { progressRow($0, language: language) }
        let labels = ProgressChartLayout.Labels(
            title: summary, years: years,
            rows: progress.rows.map { row in
                row.area.map { areaSummary($0, language: language).numberLabel } ?? t.progressMilestones
            },
            statuses: ProgressTally.statuses.map { statusLabel($0, t) }, today: t.progressToday, count: dates.number)
        let page = chrome(
            language: language, title: t.progressTitle, section: .progress, bodyClass: "progress-page",
            path: routes.progress)
        page.pageStylesheet = theme.assetNames["progress.css"].map(routes.asset)
        return ProgressPage(
            page: page,
            summary: summary,
            asOf: t.progressAsOf.replacingOccurrences(of: "{date}", with: dates.day(today)),
            asOfDatetime: today.description,
            chart: ProgressChartLayout.chart(progress, labels: labels, today: today),
            yearHeadings: years,
            rows: rows,
            totals: ProgressRow(
                number: nil, title: t.progressTotal, titleLang: language, href: nil,
                cells: progress.perYear.map { progressCell($0, language) },
                total: progressCell(progress.total, language)),
            csvHref: routes.progressCSV(language)
        )
    }

    /// "Events: 12, in 6 of 8 areas; held: 9, planned: 2, cancelled: 1": the chart's title and
    /// the home page's summary.
    func progressSummary(_ language: String) -> String {
        let dates = dateFormatting(language)
        let sentence = strings(language).progressSummary
            .replacingOccurrences(of: "{events}", with: dates.number(progress.total.total))
            .replacingOccurrences(of: "{active}", with: dates.number(progress.areasWithEvents))
            .replacingOccurrences(of: "{areas}", with: dates.number(progress.areaCount))
        let statuses = statusCounts(progress.total, language)
        return statuses.isEmpty ? sentence : sentence + "; " + statuses
    }

    private func progressRow(_ row: ProgressTally.Row, language: String) -> ProgressRow {
        let cells = row.perYear.map { progressCell($0, language) }
        guard let area = row.area else {
            return ProgressRow(
                number: nil, title: strings(language).progressMilestones, titleLang: language, href: nil,
                cells: cells, total: progressCell(row.total, language))
        }
        let summary = areaSummary(area, language: language)
        return ProgressRow(
            number: dateFormatting(language).number(area.number) + ".", title: summary.title,
            titleLang: summary.titleLang, href: summary.href, cells: cells,
            total: progressCell(row.total, language))
    }

    private func progressCell(_ counts: ProgressTally.Counts, _ language: String) -> ProgressCell {
        ProgressCell(
            count: dateFormatting(language).number(counts.total), isEmpty: counts.total == 0,
            statuses: statusCounts(counts, language))
    }

    /// "held: 2, planned: 1": each status that has events, in the tally's order.
    private func statusCounts(_ counts: ProgressTally.Counts, _ language: String) -> String {
        let t = strings(language)
        let dates = dateFormatting(language)
        return ProgressTally.statuses.compactMap { status -> String? in
            guard counts[status] > 0 else { return nil }
            let pattern: String
            switch status {
            case .held: pattern = t.progressHeld
            case .planned: pattern = t.progressPlanned
            case .postponed: pattern = t.progressPostponed
            case .cancelled: pattern = t.progressCancelled
            }
            return pattern.replacingOccurrences(of: "{count}", with: dates.number(counts[status]))
        }.joined(separator: ", ")
    }
}
