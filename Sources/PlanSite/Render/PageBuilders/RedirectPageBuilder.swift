/// The page at a renamed item's old address (CONTENT.md, "Renamed items").
extension RenderContext {
    /// - Parameter titles: the item's title in each language it has.
    func redirectPage(to target: ItemReference, titles: [String: String], _ language: String) -> RedirectPage {
        let t = strings(language)
        let href = routes.page(of: target, language)
        let title = config.choose(titles, for: language)
        // Its canonical URL and alternates are the new page's: search engines move to them.
        let page = chrome(language: language, title: t.pageMovedTitle, section: .none) { routes.page(of: target, $0) }
        page.redirect = href
        return RedirectPage(
            page: page, heading: t.pageMovedTitle, text: t.pageMovedText,
            target: TextLink(href: href, text: title?.text ?? href, lang: title?.language ?? language))
    }
}
