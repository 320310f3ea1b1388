extension RenderContext {
    func areasPage(_ language: String) -> AreasPage {
        AreasPage(
            page: chrome(
                language: language, title: strings(language).areasOfThePlan, section: .areas, path: routes.areas),
            areas: site.areas.map { areaSummary($0, language: language) }
        )
    }

    func areaPage(_ area: Area, _ language: String) throws -> AreaPage {
        let chosen = config.choose(area.texts, for: language)!
        let events = events(in: area)
        let summary = areaSummary(area, language: language)
        let split = events.count > Self.listingLimit
        let upcoming = split ? [] : events.filter(isUpcoming), past = split ? [] : events.filter { !isUpcoming($0) }
        // Counted, not grouped: grouping would copy every one of a crowded area's events.
        var years: [Int: Int] = [:]
        if split { for index in events.indices { years[events[index].start.date.year, default: 0] += 1 } }
        return AreaPage(
            page: preview(
                chrome(
                    language: language, title: chosen.text.title, section: .areas,
                    description: chosen.text.body.firstParagraph
                ) { routes.area(area.slug, $0) }, type: "website", folder: area.folder, media: area.media),
            numberLabel: summary.numberLabel,
            title: chosen.text.title,
            textLang: chosen.language,
            notice: notice(chosen, language: language),
            cover: cover(
                folder: area.folder, area.media, language: language, sizes: theme.pictureSizes.content, eager: true,
                className: "cover"),
            bodyHTML: try html(
                chosen.text.body, source: chosen.text.source, language: language,
                imagesBefore: area.media.cover != nil),
            downloads: downloads(folder: area.folder, area.media, language: language),
            upcoming: byYear(upcoming, language: language, newestFirst: false),
            past: byYear(past, language: language, newestFirst: true),
            hasUpcoming: !upcoming.isEmpty,
            hasPast: !past.isEmpty,
            hasEvents: !events.isEmpty,
            isSplit: split,
            yearLinks: years.keys.sorted().map {
                YearLink(
                    year: $0, href: routes.areaYear(area.slug, $0, language),
                    countLabel: countLabel(years[$0]!, language))
            },
            calendarHref: routes.calendar(language),
            subscription: CalendarSubscription(
                downloadHref: routes.areaCalendarFile(area.slug, language),
                subscribeHref: webcal(routes.areaCalendarFile(area.slug, language)))
        )
    }

    /// The years in which an area has events, when it has too many for one page.
    func areaYears(_ area: Area) -> [Int] {
        let events = events(in: area)
        guard events.count > Self.listingLimit else { return [] }
        return Set(events.map(\.start.date.year)).sorted()
    }

    func areaYearPage(_ area: Area, year: Int, _ language: String) -> AreaYearPage {
        let chosen = config.choose(area.texts, for: language)!
        let events = events(in: area).filter { $0.start.date.year == year }
        return AreaYearPage(
            page: chrome(language: language, title: "\(chosen.text.title) – \(year)", section: .areas) {
                routes.areaYear(area.slug, year, $0)
            },
            areaTitle: chosen.text.title,
            areaTitleLang: chosen.language,
            areaHref: routes.area(area.slug, language),
            year: year,
            countLabel: countLabel(events.count, language),
            events: events.map { eventSummary($0, language: language) }
        )
    }
}
