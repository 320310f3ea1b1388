extension RenderContext {
    /// How many upcoming events the home page lists before pointing to the calendar.
    static let upcomingOnHome = 5

    func homePage(_ language: String) -> HomePage {
        let chosen = config.choose(site.home, for: language)
        let upcoming = site.events.filter(isUpcoming).prefix(Self.upcomingOnHome)
        return HomePage(
            page: chrome(language: language, title: nil, section: .home, path: routes.home),
            title: chosen?.text.title ?? config.title.value(in: config.fallbackChain(for: language))?.text ?? "",
            titleLang: chosen?.language ?? language,
            notice: chosen.flatMap { notice($0, language: language) },
            introHTML: chosen.map { html($0.text.body, source: $0.text.source, language: language) } ?? "",
            introLang: chosen?.language ?? language,
            areas: site.areas.map { areaSummary($0, language: language) },
            upcoming: upcoming.map { eventSummary($0, language: language) },
            hasUpcoming: !upcoming.isEmpty,
            documents: site.documents.map { documentSummary($0, language: language) },
            calendarHref: routes.calendar(language),
            areasHref: routes.areas(language)
        )
    }
}
