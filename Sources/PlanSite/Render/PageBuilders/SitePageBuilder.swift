/// The pages outside any language: the language chooser at the root and the 404 page.
extension RenderContext {
    func chooserPage() -> ChooserPage {
        let first = config.defaultLanguage.code
        let options = config.languages.map { language in
            ChooserPage.Option(
                code: language.code,
                name: language.name,
                href: routes.home(language.code),
                siteTitle: config.title.value(in: config.fallbackChain(for: language.code))?.text ?? ""
            )
        }
        // Its switcher leads to each language's home, as its choices do: the chooser itself is
        // in the first language only.
        let page = chrome(language: first, title: nil, section: .none, marksLanguage: false, path: routes.home)
        page.canonical = absolute(routes.chooser)
        // The chooser is the x-default; each language's home is its alternate.
        page.alternates =
            config.languages.map { .init(hreflang: $0.code, href: absolute(routes.home($0.code))) }
            + [.init(hreflang: "x-default", href: absolute(routes.chooser))]
        return ChooserPage(page: page, options: options)
    }

    func notFoundPage() -> NotFoundPage {
        let first = config.defaultLanguage.code
        let messages = config.languages.enumerated().map { position, language in
            let t = strings(language.code)
            return NotFoundPage.Message(
                lang: language.code, title: t.notFoundTitle, text: t.notFoundText,
                homeHref: routes.home(language.code), homeLabel: t.backToHome,
                languageName: language.name, isFirst: position == 0)
        }
        // The 404 page has no address of its own, so no canonical URL and no alternates; its
        // switcher leads to each language's home, as its messages do.
        let page = chrome(language: first, title: strings(first).notFoundTitle, section: .none, path: routes.home)
        page.canonical = nil
        page.alternates = []
        return NotFoundPage(page: page, messages: messages)
    }
}
