/// `sitemap.xml` (sitemaps.org, with Google's `xhtml:link` alternates) and `robots.txt`.
/// Every language's page is listed under its own address, also when its text is a fallback:
/// the page exists in that language, with that language's menus and dates.
extension RenderContext {
    /// sitemaps.org's limits for one sitemap file.
    static let sitemapURLLimit = 50_000
    static let sitemapByteLimit = 50 * 1024 * 1024

    /// The pages in groups, one sitemap file each: one group unless the site passes
    /// sitemaps.org's limits (50,000 URLs or 50 MB in a file). Sizes are counted from an upper
    /// bound on each page's entries, so a group never passes the byte limit.
    /// - Parameter paths: each page's path in each language, in the site's order of languages
    ///   (worked out once by the plan, which needs them too).
    func sitemapParts(_ pages: [LocalizedPage], paths: [[String]], urlLimit: Int = sitemapURLLimit) -> [[LocalizedPage]]
    {
        let languages = config.languages.map(\.code)
        let perURLOverhead = 120, origin = absolute("").utf8.count
        var parts: [[LocalizedPage]] = [[]]
        var urls = 1, bytes = 200 + origin + routes.chooser.utf8.count  // the chooser, in the first part
        for (page, pagePaths) in zip(pages, paths) {
            let longest = pagePaths.map(\.utf8.count).max() ?? 0
            let pageBytes = languages.count * (languages.count + 2) * (perURLOverhead + origin + longest)
            if urls + languages.count > urlLimit || bytes + pageBytes > Self.sitemapByteLimit,
                !parts[parts.count - 1].isEmpty
            {
                parts.append([])
                urls = 0
                bytes = 200
            }
            parts[parts.count - 1].append(page)
            urls += languages.count
            bytes += pageBytes
        }
        return parts
    }

    /// The address of the sitemap file for part `number` (from 1) of a split sitemap.
    func sitemapPart(_ number: Int) -> String {
        routes.basePath + "sitemap-\(number).xml"
    }

    /// One sitemap file: every language's address of `pages`, each with its alternates; the
    /// first also lists the language chooser.
    func sitemap(_ pages: [LocalizedPage], withChooser: Bool = true) -> String {
        let languages = config.languages.map(\.code)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for page in pages {
            var alternates = ""
            for code in languages {
                alternates +=
                    "<xhtml:link rel=\"alternate\" hreflang=\"\(code)\" "
                    + "href=\"\(XMLText.escape(absolute(page.path(code))))\"/>\n"
            }
            alternates +=
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" "
                + "href=\"\(XMLText.escape(absolute(page.path(config.defaultLanguage.code))))\"/>\n"
            for code in languages {
                xml += "<url>\n<loc>\(XMLText.escape(absolute(page.path(code))))</loc>\n\(alternates)</url>\n"
            }
        }
        if withChooser {
            xml += "<url>\n<loc>\(XMLText.escape(absolute(routes.chooser)))</loc>\n</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// `sitemap.xml` of a split sitemap: the index of its parts.
    func sitemapIndex(parts: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for number in 1...max(1, parts) {
            xml += "<sitemap>\n<loc>\(XMLText.escape(absolute(sitemapPart(number))))</loc>\n</sitemap>\n"
        }
        xml += "</sitemapindex>\n"
        return xml
    }

    /// Crawlers read `robots.txt` only at the host's root; when the site lives under a sub-path
    /// the file is still written, for hosts that serve that folder at the root.
    func robotsTxt() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(absolute(routes.sitemap))\n"
    }
}
