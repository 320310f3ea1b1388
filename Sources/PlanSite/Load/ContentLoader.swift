import Foundation

/// Reads `content/` into a checked `Site`. Every problem in every file is reported, then
/// loading fails once.
public enum ContentLoader {
    static let topLevel = ["site.yaml", "home", "documents", "areas", "events"]

    public static func load(contentDirectory: URL) -> Result<Site, BuildFailure> {
        load(contentDirectory: contentDirectory, walked: nil, cache: LoadCache(), keys: { _ in nil }).site
    }

    /// Loads the content, taking from `cache` each event whose folder's key (`keys`) is the one
    /// it was cached under; returns the site and the cache for the next build. `walked` is the
    /// content folder as this build's input listing read it (nil: it is read here).
    /// `parsesEventBodiesWhenRendered`: an event's body with a summary is not parsed here, but
    /// when its page is rendered (`Body`); the build then checks its links after rendering.
    static func load(contentDirectory: URL, walked: WalkedFolders? = nil, cache: LoadCache,
                     parsesEventBodiesWhenRendered: Bool = false,
                     keys: @Sendable (String) -> UInt64?) -> (site: Result<Site, BuildFailure>, cache: LoadCache) {
        var log = DiagnosticLog()
        var tree = ContentTree(root: contentDirectory)
        guard tree.isDirectory("") else {
            return (.failure(BuildFailure(diagnostics: [.error(SourceLocation(path: tree.displayRoot), "content folder not found")])), cache)
        }
        tree.refuseEscapingLinks(log: &log, walked: walked)
        guard tree.isReadable("", log: &log) else { return (.failure(BuildFailure(diagnostics: log.sorted)), cache) }
        guard let config = SiteConfigLoader.load(tree, log: &log) else {
            return (.failure(BuildFailure(diagnostics: log.sorted)), cache)
        }
        for name in tree.children("") where !topLevel.contains(name) {
            log.error(SourceLocation(path: tree.display(name)),
                      "unexpected '\(name)' in the content folder (expected: \(topLevel.joined(separator: ", ")))\(Suggestions.hint(for: name, among: topLevel))")
        }

        var home: [String: HomeText] = [:]
        if !tree.isDirectory("home") {
            log.error(SourceLocation(path: tree.display("home")), "missing folder 'home' with the home page's intro (en.md, …)")
        } else if let folder = ItemFolder.read(tree, "home", config: config, needsMeta: false, log: &log) {
            home = ItemLoaders.texts(folder, log: &log, TextReaders.home)
            if let meta = folder.metaFile { log.error(meta.location(), "the home page takes no meta.yaml") }
        }

        let documents = itemFolders(tree, "documents", log: &log).compactMap { relative -> Document? in
            guard let folder = ItemFolder.read(tree, relative, config: config, needsMeta: true, log: &log) else { return nil }
            return ItemLoaders.document(folder, config: config, log: &log)
        }.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }

        var areas: [Area] = []
        var numbers: [Int: (slug: String, location: SourceLocation)] = [:]
        let areaFolders = itemFolders(tree, "areas", log: &log)
        let areaSlugs = areaFolders.map { String($0.split(separator: "/").last!) }
        for relative in areaFolders {
            guard let folder = ItemFolder.read(tree, relative, config: config, needsMeta: true, log: &log),
                  let (area, location) = ItemLoaders.area(folder, log: &log) else { continue }
            if let first = numbers[area.number] {
                log.error(location, "area number \(area.number) is already used by '\(first.slug)' (\(first.location.description))")
                continue
            }
            numbers[area.number] = (area.slug, location)
            areas.append(area)
        }
        areas.sort { $0.number < $1.number }

        // An event's slug is its folder's name: duplicates are found from the paths alone.
        var unique: [String] = []
        var eventFolders: [String: String] = [:]
        for relative in eventFolderPaths(tree, "events", log: &log) {
            let slug = String(relative.split(separator: "/").last ?? "")
            if let other = eventFolders[slug] {
                log.error(SourceLocation(path: tree.display(relative)),
                          "event slug '\(slug)' is already used by \(tree.display(other)): event folder names must be unique")
                continue
            }
            eventFolders[slug] = relative
            unique.append(relative)
        }
        // Events are read on every core: each folder is read and typed on its own.
        let frozen = tree
        // An event found in the cache under the same key is taken as it is.
        let loaded = ParallelMap.map(unique) { relative -> (Event?, DiagnosticLog, LoadCache.Entry?) in
            let key = keys(relative)
            var own = DiagnosticLog()
            if let cached = cache.event(in: relative, key: key) {
                cached.warnings.forEach { own.add($0) }
                return (cached.event, own, cached)
            }
            guard let folder = ItemFolder.read(frozen, relative, config: config, needsMeta: true,
                                               parsesBodiesWhenRendered: parsesEventBodiesWhenRendered, log: &own)
            else { return (nil, own, nil) }
            let event = ItemLoaders.event(folder, config: config, areaSlugs: areaSlugs, log: &own)
            guard let event, let key, !own.hasErrors, LoadCache.canStore(event) else { return (event, own, nil) }
            return (event, own, LoadCache.Entry(key: key, event: event, warnings: own.entries))
        }
        var events: [Event] = []
        var nextCache: [String: LoadCache.Entry] = [:]
        for (event, own, entry) in loaded {
            own.entries.forEach { log.add($0) }
            if let event { events.append(event) }
            if let entry { nextCache[entry.event.folder] = entry }
        }
        // Positions are sorted, not events: moving an event is a copy of all its fields.
        let order = events.indices.sorted { (events[$0].start, events[$0].slug) < (events[$1].start, events[$1].slug) }
        events = order.map { events[$0] }

        guard !log.hasErrors else { return (.failure(BuildFailure(diagnostics: log.sorted)), cache) }
        return (.success(Site(config: config, home: home, documents: documents, areas: areas, events: events)),
                LoadCache(entries: nextCache))
    }

    /// The item folders directly under a kind's folder.
    private static func itemFolders(_ tree: ContentTree, _ kind: String, log: inout DiagnosticLog) -> [String] {
        guard tree.isDirectory(kind) else { return [] }
        var folders: [String] = []
        let entries = tree.entries(kind)
        if entries.isEmpty, !tree.isReadable(kind, log: &log) { return [] }
        for entry in entries {
            let path = kind + "/" + entry.name
            if entry.isDirectory {
                folders.append(path)
            } else {
                log.error(SourceLocation(path: tree.display(path)), "unexpected file: each \(kind.dropLast()) is a folder")
            }
        }
        return folders
    }

    /// Event folders may be grouped in sub-folders (by year, say): a folder holding a
    /// `meta.yaml` or a language file is an event; any other folder is a group.
    private static func eventFolderPaths(_ tree: ContentTree, _ relative: String, log: inout DiagnosticLog) -> [String] {
        guard tree.isDirectory(relative) else { return [] }
        var found: [String] = []
        let entries = tree.entries(relative)
        if entries.isEmpty, !tree.isReadable(relative, log: &log) { return [] }
        for entry in entries {
            let path = relative + "/" + entry.name
            guard entry.isDirectory else {
                log.error(SourceLocation(path: tree.display(path)), "unexpected file: an event is a folder with meta.yaml and language files")
                continue
            }
            let inside = tree.children(path)
            if inside.contains("meta.yaml") || inside.contains(where: { $0.hasSuffix(".md") }) {
                found.append(path)
            } else {
                found += eventFolderPaths(tree, path, log: &log)
            }
        }
        return found
    }
}
