/// Builds the parts of a page that every layout shows.
extension RenderContext {
    enum Section { case home, documents, areas, calendar, progress, none }

    /// - Parameters:
    ///   - path: the page's path in any language, for the switcher and `hreflang` alternates.
    ///   - marksLanguage: whether the switcher marks `language` as the current one (not on the
    ///     chooser, which belongs to no language).
    func chrome(
        language: String, title: String?, section: Section, bodyClass: String = "", marksLanguage: Bool = true,
        path: (String) -> String
    ) -> PageChrome {
        let t = strings(language)
        let siteTitle = config.title.value(in: config.fallbackChain(for: language))?.text ?? ""
        var alternates = config.languages.map { PageChrome.Alternate(hreflang: $0.code, href: absolute(path($0.code))) }
        alternates.append(.init(hreflang: "x-default", href: absolute(path(config.defaultLanguage.code))))
        let languages = config.languages.map {
            PageChrome.LanguageOption(
                code: $0.code, name: $0.name, href: path($0.code), isCurrent: marksLanguage && $0.code == language)
        }
        let nav: [PageChrome.NavItem] = [
            .init(href: routes.home(language), label: t.home, isCurrent: section == .home),
            .init(href: routes.documents(language), label: t.documents, isCurrent: section == .documents),
            .init(href: routes.areas(language), label: t.areas, isCurrent: section == .areas),
            .init(href: routes.calendar(language), label: t.calendar, isCurrent: section == .calendar),
            .init(href: routes.progress(language), label: t.progress, isCurrent: section == .progress)
        ]
        return PageChrome(
            lang: language,
            documentTitle: title.map { "\($0) – \(siteTitle)" } ?? siteTitle,
            siteTitle: siteTitle,
            homeHref: routes.home(language),
            stylesheet: routes.asset(theme.stylesheet),
            canonical: absolute(path(language)),
            alternates: alternates,
            languages: languages,
            feedHref: routes.feed(language),
            feedTitle: "\(siteTitle) – \(t.calendarTitle)",
            nav: nav,
            t: t,
            bodyClass: bodyClass
        )
    }
}
