extension RenderContext {
    /// Beyond this many events a listing is split: the calendar into a page per month, an
    /// area into a page per year, so no page grows past what a phone loads comfortably.
    static let listingLimit = 150

    /// Whether the calendar lists its events on one page or links to a page per month.
    var calendarIsSplit: Bool { site.events.count > Self.listingLimit }

    func countLabel(_ count: Int, _ language: String) -> String {
        strings(language).eventsInYear.replacingOccurrences(of: "{count}", with: String(count))
    }

    func calendarPage(_ language: String, index: CalendarIndex) -> CalendarPage {
        let dates = dateFormatting(language)
        let split = calendarIsSplit
        let years = index.years.map { year in
            CalendarPage.YearView(
                year: year.year,
                id: "y\(year.year)",
                countLabel: countLabel(year.eventCount, language),
                months: year.months.map { month in
                    CalendarPage.MonthView(
                        id: "m\(year.year)-\(CalendarDate.pad(month.month, 2))",
                        heading: dates.monthHeading(year: month.year, month: month.month),
                        events: split ? [] : month.events.map { eventSummary($0, language: language) },
                        isEmpty: month.events.isEmpty,
                        isLinked: split && !month.events.isEmpty,
                        href: routes.calendarMonth(month.year, month.month, language),
                        countLabel: countLabel(month.events.count, language)
                    )
                }
            )
        }
        return CalendarPage(
            page: chrome(
                language: language, title: strings(language).calendarTitle, section: .calendar, path: routes.calendar),
            years: years,
            subscription: CalendarSubscription(
                downloadHref: routes.calendarFile(language),
                subscribeHref: webcal(routes.calendarFile(language))),
            feedHref: routes.feed(language)
        )
    }

    func calendarMonthPage(_ month: CalendarIndex.Month, _ language: String) -> CalendarMonthPage {
        let heading = dateFormatting(language).monthHeading(year: month.year, month: month.month)
        return CalendarMonthPage(
            page: chrome(language: language, title: heading, section: .calendar) {
                routes.calendarMonth(month.year, month.month, $0)
            },
            heading: heading,
            countLabel: countLabel(month.events.count, language),
            events: month.events.map { eventSummary($0, language: language) },
            calendarHref: routes.calendar(language)
        )
    }
}
