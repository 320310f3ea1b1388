extension RenderContext {
    /// How many upcoming events the home page lists before pointing to the calendar.
    static let upcomingOnHome = 5

    func homePage(_ language: String) throws -> HomePage {
        // The loader fails a site without a home text, so one is always there to choose.
        let chosen = config.choose(site.home, for: language)!
        let upcoming = Array(site.events.lazy.filter(isUpcoming).prefix(Self.upcomingOnHome))
        return HomePage(
            page: chrome(
                language: language, title: nil, section: .home, description: chosen.text.body.firstParagraph,
                path: routes.home),
            title: chosen.text.title,
            textLang: chosen.language,
            notice: notice(chosen, language: language),
            introHTML: try html(chosen.text.body, source: chosen.text.source, language: language),
            areas: site.areas.map { areaSummary($0, language: language) },
            upcoming: upcoming.map { eventSummary($0, language: language) },
            hasUpcoming: !upcoming.isEmpty,
            documents: site.documents.map { documentSummary($0, language: language) },
            calendarHref: routes.calendar(language),
            areasHref: routes.areas(language),
            progressHref: routes.progress(language),
            progressSummary: progressSummary(language)
        )
    }
}
