extension RenderContext {
    func calendarPage(_ language: String, index: CalendarIndex) -> CalendarPage {
        let t = strings(language)
        let dates = dateFormatting(language)
        let years = index.years.map { year in
            CalendarPage.YearView(
                year: year.year,
                id: "y\(year.year)",
                countLabel: t.eventsInYear.replacingOccurrences(of: "{count}", with: String(year.eventCount)),
                months: year.months.map { month in
                    CalendarPage.MonthView(
                        id: "m\(year.year)-\(CalendarDate.pad(month.month, 2))",
                        heading: dates.monthHeading(year: month.year, month: month.month),
                        events: month.events.map { eventSummary($0, language: language) },
                        isEmpty: month.events.isEmpty
                    )
                }
            )
        }
        return CalendarPage(
            page: chrome(language: language, title: t.calendarTitle, section: .calendar, path: routes.calendar),
            years: years,
            subscription: CalendarSubscription(downloadHref: routes.calendarFile(language),
                                               subscribeHref: webcal(routes.calendarFile(language))),
            feedHref: routes.feed(language)
        )
    }
}
