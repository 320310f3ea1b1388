import Foundation

/// `plansite new`: checks the arguments as the loader checks `meta.yaml`, then writes the
/// item's folder (`meta.yaml` and one `LANG.md` per language), never over anything.
public enum ItemScaffold {
    /// Returns the files written, as shown to the user.
    public static func write(_ item: NewItem) -> Result<[String], BuildFailure> {
        let tree = ContentTree(root: item.content)
        var log = DiagnosticLog()
        guard tree.isDirectory("") else {
            return .failure(
                BuildFailure(diagnostics: [.error(SourceLocation(path: tree.displayRoot), "content folder not found")]))
        }
        guard let config = SiteConfigLoader.load(tree, log: &log) else {
            return .failure(BuildFailure(diagnostics: log.sorted))
        }
        let languages = checkLanguages(item.languages, config: config, log: &log)
        if !Slug.isValid(item.slug) {
            log.error(
                SourceLocation(path: "SLUG"), "'\(item.slug)' is not a valid folder name (slug): use \(Slug.rule)")
        }
        // The site as it stands, for the checks that compare with other items; when it does
        // not load, those are left to the next build, which reports its problems anyway.
        let site = try? ContentLoader.load(contentDirectory: item.content).get()
        let folder: String
        let meta: String
        switch item.kind {
        case .event(let startText, let area):
            let start = EventTimeReader.read(startText, key: "start", at: SourceLocation(path: "--start"), log: &log)
            let areaSlugs = tree.children("areas").filter { tree.isDirectory("areas/" + $0) }
            if let area, !areaSlugs.contains(area) {
                log.error(
                    SourceLocation(path: "--area"),
                    "unknown area '\(area)'\(Suggestions.hint(for: area, among: areaSlugs))")
            }
            if let other = site?.events.first(where: { $0.slug == item.slug }) {
                log.error(
                    SourceLocation(path: tree.display(other.folder)),
                    "event slug '\(item.slug)' is already used: event folder names must be unique")
            }
            folder = "events/\(start?.date.year ?? 0)/\(item.slug)"
            meta = ScaffoldText.eventMeta(start: startText, area: area, organizers: config.organizationOrder)
        case .area(let number):
            if number < 1 {
                log.error(
                    SourceLocation(path: "--number"), "'number' must be 1 or more (the area's row in the plan's table)")
            }
            if let other = site?.areas.first(where: { $0.number == number }) {
                log.error(SourceLocation(path: "--number"), "area number \(number) is already used by '\(other.slug)'")
            }
            folder = "areas/\(item.slug)"
            meta = "number: \(number)\n"
        case .document(let order):
            folder = "documents/\(item.slug)"
            meta = ScaffoldText.documentMeta(order: order)
        }
        if tree.exists(folder) {
            log.error(SourceLocation(path: tree.display(folder)), "already exists; nothing was written")
        }
        guard !log.hasErrors else { return .failure(BuildFailure(diagnostics: log.sorted)) }
        do {
            return .success(try writeFiles(folder: folder, meta: meta, languages: languages, item: item, tree: tree))
        } catch {
            try? FileManager.default.removeItem(at: tree.url(folder))
            return .failure(
                BuildFailure(diagnostics: [
                    .error(
                        SourceLocation(path: tree.display(folder)),
                        "cannot write: \(error.localizedDescription)")
                ]))
        }
    }

    /// The languages to write, in site.yaml's order (so the first is the source text).
    private static func checkLanguages(_ given: [String]?, config: SiteConfig, log: inout DiagnosticLog) -> [String] {
        let codes = config.languages.map(\.code)
        guard let given else { return codes }
        for code in given where !codes.contains(code) {
            log.error(
                SourceLocation(path: "--languages"),
                "'\(code)' is not a language listed in site.yaml "
                    + "(\(codes.joined(separator: ", ")))\(Suggestions.hint(for: code, among: codes))"
            )
        }
        if given.isEmpty { log.error(SourceLocation(path: "--languages"), "list at least one language") }
        return codes.filter(given.contains)
    }

    private static func writeFiles(
        folder: String, meta: String, languages: [String], item: NewItem,
        tree: ContentTree
    ) throws -> [String] {
        let fileManager = FileManager.default
        // Not `withIntermediateDirectories` for the item itself: creating it fails if it appeared meanwhile.
        try fileManager.createDirectory(
            at: tree.url(folder).deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: tree.url(folder), withIntermediateDirectories: false)
        var written: [String] = []
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: tree.url("\(folder)/\(name)"), options: .withoutOverwriting)
            written.append(tree.display("\(folder)/\(name)"))
        }
        try write("meta.yaml", meta)
        var sourceHash: String?
        for code in languages {
            let text = ScaffoldText.languageFile(
                kind: item.kind, title: ScaffoldText.title(from: item.slug), sourceHash: sourceHash)
            try write("\(code).md", text)
            // Translations record the source they start from, so `status` flags them once the source is written.
            if sourceHash == nil { sourceHash = SourceHash.of(Data(text.utf8)) }
        }
        return written
    }
}
