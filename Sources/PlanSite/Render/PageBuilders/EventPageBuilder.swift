extension RenderContext {
    func eventPage(_ event: Event, _ language: String) throws -> EventPage {
        let t = strings(language)
        let chosen = config.choose(event.texts, for: language)!
        let text = chosen.text
        let organizers = event.organizers.compactMap {
            config.organizations[$0]?.value(in: config.fallbackChain(for: language))?.text
        }
        let summary = eventSummary(event, language: language)
        return EventPage(
            page: preview(
                chrome(
                    language: language, title: text.title, section: .calendar,
                    description: text.summary ?? text.body.firstParagraph
                ) { routes.event(event.slug, $0) }, type: "article", folder: event.folder, media: event.media),
            title: text.title,
            textLang: chosen.language,
            notice: notice(chosen, language: language),
            summary: text.summary,
            dates: summary.dates,
            datetime: summary.datetime,
            zone: event.start.isTimed ? dateFormatting(language).zone(of: event) : nil,
            status: summary.status,
            statusClass: summary.statusClass,
            format: event.format.map { formatLabel($0, t) },
            location: text.location,
            organizers: organizers.isEmpty ? nil : organizers.joined(separator: ", "),
            area: summary.area,
            milestone: summary.milestone,
            cover: cover(
                folder: event.folder, event.media, language: language, sizes: theme.pictureSizes.content, eager: true,
                className: "cover"),
            bodyHTML: try html(
                text.body, source: text.source, language: language, imagesBefore: event.media.cover != nil),
            downloads: downloads(folder: event.folder, event.media, language: language),
            calendarHref: routes.calendar(language),
            subscription: CalendarSubscription(
                downloadHref: routes.eventCalendarFile(event.slug, language),
                subscribeHref: webcal(routes.calendarFile(language))),
            structuredData: structuredData(event, language: language)
        )
    }
}
