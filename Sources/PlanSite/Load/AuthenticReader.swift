/// `authentic: [en, ru]` in an item's `meta.yaml`: the languages whose texts are originals,
/// none a translation of another (a treaty signed in two languages). Each must be a language
/// of site.yaml that the item has a text in; returned in site.yaml's order.
enum AuthenticReader {
    static let key = "authentic"

    static func read(
        _ value: YAMLValue?, folder: ItemFolder, config: SiteConfig,
        log: inout DiagnosticLog
    ) -> [String] {
        guard let value, let listed = value.stringList(key, log: &log) else { return [] }
        let codes = config.languages.map(\.code)
        var authentic: Set<String> = []
        for (code, item) in listed {
            if !codes.contains(code) {
                log.error(
                    item.location,
                    "'\(code)' in '\(key)' is not a language listed in site.yaml "
                        + "(\(codes.joined(separator: ", ")))\(Suggestions.hint(for: code, among: codes))")
            } else if !authentic.insert(code).inserted {
                log.error(item.location, "'\(code)' is listed twice in '\(key)'")
            } else if !folder.fileNames.contains(code + ".md") {
                log.error(item.location, "'\(code)' is listed in '\(key)', but '\(folder.slug)' has no \(code).md")
            }
        }
        return codes.filter(authentic.contains)
    }
}
