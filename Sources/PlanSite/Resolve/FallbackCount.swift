/// How many item pages of each language show another language's text (the build report's
/// "fallbacks used"): one per item that lacks the language.
enum FallbackCount {
    static func perLanguage(_ site: Site) -> [String: Int] {
        let available: [Set<String>] = [Set(site.home.keys)] + site.documents.map { Set($0.texts.keys) }
            + site.areas.map { Set($0.texts.keys) } + site.events.map { Set($0.texts.keys) }
        var counts: [String: Int] = [:]
        for language in site.config.languages.map(\.code) {
            counts[language] = available.filter { !$0.contains(language) }.count
        }
        return counts
    }
}
