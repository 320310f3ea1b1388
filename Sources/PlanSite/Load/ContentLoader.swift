import Foundation

/// Reads `content/` into a checked `Site`. Every problem in every file is reported, then
/// loading fails once.
public enum ContentLoader {
    static let topLevel = ["site.yaml", "home", "documents", "areas", "events"]

    /// What a load gives: the site as far as it loaded (nil only when site.yaml did not), the
    /// folders of the items that did not load, and every problem.
    struct Loaded {
        let site: Site?
        let unloaded: Set<String>
        let log: DiagnosticLog
    }

    public static func load(contentDirectory: URL) -> Result<Site, BuildFailure> {
        load(contentDirectory: contentDirectory, memory: NoBuildMemory())
    }

    static func load(contentDirectory: URL, memory: BuildMemory) -> Result<Site, BuildFailure> {
        let loaded = loadWhatLoads(contentDirectory: contentDirectory, memory: memory)
        guard let site = loaded.site, !loaded.log.hasErrors else {
            return .failure(BuildFailure(diagnostics: loaded.log.sorted))
        }
        return .success(site)
    }

    /// Loads the content, taking from `memory` each event an earlier build loaded from the same
    /// files, and tells it what was loaded. Items with problems are left out of the site, so
    /// that the later checks (links, theme) can still run on the rest in the same run.
    static func loadWhatLoads(contentDirectory: URL, memory: BuildMemory) -> Loaded {
        var log = DiagnosticLog()
        var unloaded: Set<String> = []
        var tree = ContentTree(root: contentDirectory)
        guard tree.isDirectory("") else {
            log.error(SourceLocation(path: tree.displayRoot), "content folder not found")
            return Loaded(site: nil, unloaded: [], log: log)
        }
        tree.refuseEscapingLinks(log: &log, walked: memory.walkedContent)
        guard tree.isReadable("", log: &log) else { return Loaded(site: nil, unloaded: [], log: log) }
        guard let config = SiteConfigLoader.load(tree, log: &log) else {
            return Loaded(site: nil, unloaded: [], log: log)
        }
        for name in tree.children("") where !topLevel.contains(name) {
            log.error(
                SourceLocation(path: tree.display(name)),
                "unexpected '\(name)' in the content folder (expected: "
                    + "\(topLevel.joined(separator: ", ")))\(Suggestions.hint(for: name, among: topLevel))"
            )
        }

        var home: [String: HomeText] = [:]
        if !tree.isDirectory("home") {
            log.error(
                SourceLocation(path: tree.display("home")),
                "missing folder 'home' with the home page's intro (en.md, …)")
        } else if let folder = ItemFolder.read(tree, "home", config: config, needsMeta: false, log: &log) {
            home = ItemLoaders.texts(folder, log: &log, TextReaders.home)
            if let meta = folder.metaFile { log.error(meta.location(), "the home page takes no meta.yaml") }
        }

        let documentFolders = itemFolders(tree, "documents", log: &log)
        let documents = documentFolders.compactMap { relative -> Document? in
            guard let folder = ItemFolder.read(tree, relative, config: config, needsMeta: true, log: &log),
                let document = ItemLoaders.document(folder, config: config, log: &log)
            else {
                unloaded.insert(relative)
                return nil
            }
            return document
        }.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }

        var areas: [Area] = []
        var numbers: [Int: (slug: String, location: SourceLocation)] = [:]
        let areaFolders = itemFolders(tree, "areas", log: &log)
        let areaSlugs = areaFolders.map { String($0.split(separator: "/").last!) }
        for relative in areaFolders {
            guard let folder = ItemFolder.read(tree, relative, config: config, needsMeta: true, log: &log),
                let (area, location) = ItemLoaders.area(folder, config: config, log: &log)
            else {
                unloaded.insert(relative)
                continue
            }
            if let first = numbers[area.number] {
                unloaded.insert(relative)
                log.error(
                    location,
                    "area number \(area.number) is already used by '\(first.slug)' (\(first.location.description))")
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
                log.error(
                    SourceLocation(path: tree.display(relative)),
                    "event slug '\(slug)' is already used by \(tree.display(other)): event folder names must be unique")
                continue
            }
            eventFolders[slug] = relative
            unique.append(relative)
        }
        // Events are read on every core: each folder is read and typed on its own.
        let frozen = tree
        // An event an earlier build loaded from the same files is taken as it is.
        let loaded = ParallelMap.map(unique) { relative -> (LoadedEvent?, DiagnosticLog) in
            var own = DiagnosticLog()
            if let remembered = memory.loadedEvent(in: relative) {
                let loaded = LoadedEvent.remembered(remembered)
                loaded.warnings.forEach { own.add($0) }
                return (loaded, own)
            }
            guard let folder = ItemFolder.read(frozen, relative, config: config, needsMeta: true, log: &own),
                let event = ItemLoaders.event(folder, config: config, areaSlugs: areaSlugs, log: &own)
            else { return (nil, own) }
            return (own.hasErrors ? nil : .read(event, warnings: own.entries), own)
        }
        var events: [Event] = []
        for (index, (event, own)) in loaded.enumerated() {
            own.entries.forEach { log.add($0) }
            if let event { events.append(event.event) } else { unloaded.insert(unique[index]) }
        }
        // Positions are sorted, not events: moving an event is a copy of all its fields.
        let order = events.indices.sorted { (events[$0].start, events[$0].slug) < (events[$1].start, events[$1].slug) }
        events = order.map { events[$0] }

        func slugs(_ folders: [String]) -> [String: String] {
            Dictionary(
                folders.map { (String($0.split(separator: "/").last ?? ""), $0) },
                uniquingKeysWith: { first, _ in first })
        }
        AliasOwnership.check(
            documents.map { .init(slug: $0.slug, folder: $0.folder, aliases: $0.aliases) },
            slugs: slugs(documentFolders), tree: tree, log: &log)
        AliasOwnership.check(
            areas.map { .init(slug: $0.slug, folder: $0.folder, aliases: $0.aliases) },
            slugs: slugs(areaFolders), tree: tree, log: &log)
        let renamedEvents = events.filter { !$0.aliases.isEmpty }
        AliasOwnership.check(
            renamedEvents.map { .init(slug: $0.slug, folder: $0.folder, aliases: $0.aliases) },
            slugs: eventFolders, tree: tree, log: &log)

        var media = MediaLibrary()
        let codes = config.languages.map(\.code)
        for folder in ["home"] + documentFolders + areaFolders + unique {
            MediaScan.scan(tree, folder: folder, languages: codes, into: &media, log: &log)
        }

        // Every event that loaded without errors is remembered, whatever the rest of the site gave.
        memory.rememberLoaded(loaded.compactMap(\.0))
        var site = Site(config: config, home: home, documents: documents, areas: areas, events: events)
        site.media = media
        return Loaded(site: site, unloaded: unloaded, log: log)
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
                log.error(
                    SourceLocation(path: tree.display(path)), "unexpected file: each \(kind.dropLast()) is a folder")
            }
        }
        return folders
    }

    /// Event folders may be grouped in sub-folders (by year, say): a folder holding a
    /// `meta.yaml` or a language file is an event; any other folder is a group.
    private static func eventFolderPaths(_ tree: ContentTree, _ relative: String, log: inout DiagnosticLog) -> [String]
    {
        guard tree.isDirectory(relative) else { return [] }
        var found: [String] = []
        let entries = tree.entries(relative)
        if entries.isEmpty, !tree.isReadable(relative, log: &log) { return [] }
        for entry in entries {
            let path = relative + "/" + entry.name
            guard entry.isDirectory else {
                log.error(
                    SourceLocation(path: tree.display(path)),
                    "unexpected file: an event is a folder with meta.yaml and language files")
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
