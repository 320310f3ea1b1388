extension RenderContext {
    func areasPage(_ language: String) -> AreasPage {
        AreasPage(
            page: chrome(language: language, title: strings(language).areasOfThePlan, section: .areas, path: routes.areas),
            areas: site.areas.map { areaSummary($0, language: language) }
        )
    }

    func areaPage(_ area: Area, _ language: String) -> AreaPage {
        let chosen = config.choose(area.texts, for: language)!
        let events = site.events.filter { $0.area == area.slug }
        let summary = areaSummary(area, language: language)
        let upcoming = events.filter(isUpcoming), past = events.filter { !isUpcoming($0) }
        return AreaPage(
            page: chrome(language: language, title: chosen.text.title, section: .areas) { routes.area(area.slug, $0) },
            numberLabel: summary.numberLabel,
            title: chosen.text.title,
            textLang: chosen.language,
            notice: notice(chosen, language: language),
            bodyHTML: html(chosen.text.body, source: chosen.text.source, language: language),
            upcoming: byYear(upcoming, language: language, newestFirst: false),
            past: byYear(past, language: language, newestFirst: true),
            hasUpcoming: !upcoming.isEmpty,
            hasPast: !past.isEmpty,
            hasEvents: !events.isEmpty,
            calendarHref: routes.calendar(language),
            subscription: CalendarSubscription(downloadHref: routes.areaCalendarFile(area.slug, language),
                                               subscribeHref: webcal(routes.areaCalendarFile(area.slug, language)))
        )
    }
}
