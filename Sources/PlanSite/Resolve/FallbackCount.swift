/// How many item pages of each language show another language's text (the build report's
/// "fallbacks used"): one per item that lacks the language.
enum FallbackCount {
    static func perLanguage(_ site: Site) -> [String: Int] {
        var counts: [String: Int] = [:]
        for language in site.config.languages.map(\.code) {
            // Counted in place: a large site has tens of thousands of items.
            counts[language] =
                (site.home[language] == nil ? 1 : 0)
                + site.documents.count { $0.texts[language] == nil }
                + site.areas.count { $0.texts[language] == nil }
                + site.events.indices.count { site.events[$0].texts[language] == nil }
        }
        return counts
    }
}
