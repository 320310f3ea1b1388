import Foundation

/// Builds the parts of a page that every layout shows.
extension RenderContext {
    enum Section { case home, documents, areas, calendar, progress, none }

    /// - Parameters:
    ///   - path: the page's path in any language, for the switcher and `hreflang` alternates.
    ///   - marksLanguage: whether the switcher marks `language` as the current one (not on the
    ///     chooser, which belongs to no language).
    func chrome(
        language: String, title: String?, section: Section, bodyClass: String = "", marksLanguage: Bool = true,
        description: String? = nil, path: (String) -> String
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
        let chrome = PageChrome(
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
            bodyClass: bodyClass,
            description: Self.previewText(description) ?? siteTitle,
            previewTitle: title ?? siteTitle,
            previewLocale: Self.openGraphLocale(config.language(language)?.locale ?? language),
            previewLocaleAlternates: config.languages.filter { $0.code != language }.map {
                PageChrome.OpenGraphLocale(code: Self.openGraphLocale($0.locale))
            }
        )
        chrome.previewImage = previewImage(folder: nil, nil, language: language)
        chrome.favicon = theme.assetNames["favicon.svg"].map(routes.asset)
        return chrome
    }

    /// Open Graph writes a locale as language and territory (`en_GB`); a language given alone
    /// takes its likely territory from ICU (`kk` is `kk_KZ`, `ru` is `ru_RU`).
    static func openGraphLocale(_ locale: String) -> String {
        let parts = Locale.Language(identifier: locale).maximalIdentifier.split(separator: "-")
        guard let language = parts.first, let region = parts.last, parts.count > 1 else {
            return locale.replacingOccurrences(of: "-", with: "_")
        }
        return "\(language)_\(region)"
    }

    /// A summary or first paragraph as a preview shows it: at most about 200 characters, cut at
    /// a space with an ellipsis; nil when there is none.
    static func previewText(_ text: String?) -> String? {
        guard let text = text.map(YAMLValue.trimmed), !text.isEmpty else { return nil }
        guard text.count > 200 else { return text }
        let cut = text.prefix(200)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}

extension RenderContext {
    /// The page's chrome, previewed as `type` (Open Graph's `og:type`), with the item's cover
    /// as its picture when it has one.
    func preview(
        _ chrome: PageChrome, type: String, folder: String? = nil, media: ItemMediaFields? = nil
    ) -> PageChrome {
        chrome.previewType = type
        if let folder, let media, media.cover != nil,
            let image = previewImage(folder: folder, media, language: chrome.lang)
        {
            chrome.previewImage = image
        }
        return chrome
    }
}
