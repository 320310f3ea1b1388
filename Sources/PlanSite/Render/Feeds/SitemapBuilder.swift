/// `sitemap.xml` (sitemaps.org, with Google's `xhtml:link` alternates) and `robots.txt`.
/// Every language's page is listed under its own address, also when its text is a fallback:
/// the page exists in that language, with that language's menus and dates.
extension RenderContext {
    func sitemap(_ pages: [LocalizedPage]) -> String {
        let languages = config.languages.map(\.code)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for page in pages {
            var alternates = ""
            for code in languages {
                alternates += "<xhtml:link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(XMLText.escape(absolute(page.path(code))))\"/>\n"
            }
            alternates += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(absolute(page.path(config.defaultLanguage.code))))\"/>\n"
            for code in languages {
                xml += "<url>\n<loc>\(XMLText.escape(absolute(page.path(code))))</loc>\n\(alternates)</url>\n"
            }
        }
        xml += "<url>\n<loc>\(XMLText.escape(absolute(routes.chooser)))</loc>\n</url>\n"
        xml += "</urlset>\n"
        return xml
    }

    /// Crawlers read `robots.txt` only at the host's root; when the site lives under a sub-path
    /// the file is still written, for hosts that serve that folder at the root.
    func robotsTxt() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(absolute(routes.sitemap))\n"
    }
}
