import Foundation

/// Where one language of one item stands against the item's source text.
public enum TranslationState: Equatable, Sendable {
    /// A source text: one of the item's authentic texts (`authentic` in its meta.yaml), each
    /// tracked against itself only; without them, the first language, in site.yaml's order,
    /// the item has.
    case source
    /// A translation whose `sourceHash` matches the source file as it is now.
    case current
    /// A translation made from an older version of the source file.
    case stale(recorded: String, now: String)
    /// A translation that records no `sourceHash`, so its age is unknown.
    case unrecorded
    /// No file in this language; readers get the text of `fallback`.
    case missing(fallback: String)

    /// What `--strict` fails on: a translation known to be out of date, or not known to be up
    /// to date. A missing one is not: readers get its fallback, which is what fallback is for.
    public var isProblem: Bool {
        switch self {
        case .stale, .unrecorded: return true
        case .source, .current, .missing: return false
        }
    }
}

/// One item in one language.
public struct TranslationStatusEntry: Equatable, Sendable {
    /// The item's folder under the content root (`areas/cybercrime`).
    public let item: String
    public let language: String
    /// The language of the source text it is tracked against (its own, for a source), for messages.
    public let sourceLanguage: String
    public let state: TranslationState
}

/// Every item of a site in every language.
public struct TranslationReport: Sendable {
    public let entries: [TranslationStatusEntry]
    /// What an editor should look at besides translations (past events still planned).
    public var warnings: [Diagnostic] = []

    public var problems: [TranslationStatusEntry] { entries.filter(\.state.isProblem) }
}

public enum TranslationStatus {
    /// Loads the site (every content problem fails it, as a build would) and compares each
    /// translation's recorded `sourceHash` with its source file's bytes now.
    /// Warns, as a build does, about past events still planned, with "today" from `now`.
    public static func check(
        contentDirectory: URL,
        now: Date = BuildClock.now()
    ) -> Result<TranslationReport, BuildFailure> {
        ContentLoader.load(contentDirectory: contentDirectory).map { site in
            let tree = ContentTree(root: contentDirectory)
            typealias Item = (folder: String, texts: [String: TextSource], authentic: [String])
            var items: [Item] = [("home", site.home.mapValues(\.source), [])]
            items += site.documents.map { ($0.folder, $0.texts.mapValues(\.source), $0.authentic) }
            items += site.areas.map { ($0.folder, $0.texts.mapValues(\.source), $0.authentic) }
            items += site.events.map { ($0.folder, $0.texts.mapValues(\.source), $0.authentic) }
            let entries = items.flatMap { item in
                states(of: item.folder, item.texts, authentic: item.authentic, config: site.config, tree: tree)
            }
            var log = DiagnosticLog()
            let today = BuildClock.day(of: now, in: site.config.timezone)
            PastPlannedEvents.warn(site, today: today, content: tree, log: &log)
            return TranslationReport(entries: entries, warnings: log.sorted)
        }
    }

    /// The languages of an item's source texts, the first being the one its translations are
    /// made from: its authentic languages, else the first language, in site.yaml's order, it has.
    static func sourceLanguages(has: (String) -> Bool, authentic: [String], codes: [String]) -> [String] {
        let authentic = codes.filter { authentic.contains($0) && has($0) }
        if !authentic.isEmpty { return authentic }
        return codes.first(where: has).map { [$0] } ?? []
    }

    private static func states(
        of folder: String, _ texts: [String: TextSource], authentic: [String],
        config: SiteConfig, tree: ContentTree
    ) -> [TranslationStatusEntry] {
        let codes = config.languages.map(\.code)
        let sources = sourceLanguages(has: { texts[$0] != nil }, authentic: authentic, codes: codes)
        guard let sourceLanguage = sources.first else { return [] }
        let sourceBytes =
            FileManager.default.contents(atPath: tree.url("\(folder)/\(sourceLanguage).md").path) ?? Data()
        let now = SourceHash.of(sourceBytes)
        return codes.map { code in
            let state: TranslationState
            if sources.contains(code) {
                return TranslationStatusEntry(item: folder, language: code, sourceLanguage: code, state: .source)
            } else if let text = texts[code] {
                switch text.sourceHash {
                case nil: state = .unrecorded
                case now: state = .current
                case let recorded?: state = .stale(recorded: recorded, now: now)
                }
            } else {
                state = .missing(fallback: config.choose(texts, for: code)?.language ?? sourceLanguage)
            }
            return TranslationStatusEntry(item: folder, language: code, sourceLanguage: sourceLanguage, state: state)
        }
    }
}
