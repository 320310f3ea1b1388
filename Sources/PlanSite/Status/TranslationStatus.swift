import Foundation

/// Where one language of one item stands against the item's source text.
public enum TranslationState: Equatable, Sendable {
    /// The source text itself: the first language, in site.yaml's order, the item has.
    case source
    /// A translation whose `sourceHash` matches the source file as it is now.
    case current
    /// A translation made from an older version of the source file.
    case stale(recorded: String, now: String)
    /// A translation that records no `sourceHash`, so its age is unknown.
    case unrecorded
    /// No file in this language; readers get the text of `fallback`.
    case missing(fallback: String)

    /// What `--strict` fails on. Unrecorded is not among them: a translation written before
    /// its translator ran `--mark-current` is not known to be out of date.
    public var isProblem: Bool {
        switch self {
        case .stale, .missing: return true
        case .source, .current, .unrecorded: return false
        }
    }
}

/// One item in one language.
public struct TranslationStatusEntry: Equatable, Sendable {
    /// The item's folder under the content root (`areas/cybercrime`).
    public let item: String
    public let language: String
    /// The source text's language, for messages.
    public let sourceLanguage: String
    public let state: TranslationState
}

/// Every item of a site in every language.
public struct TranslationReport: Sendable {
    public let entries: [TranslationStatusEntry]

    public var problems: [TranslationStatusEntry] { entries.filter(\.state.isProblem) }
}

public enum TranslationStatus {
    /// Loads the site (every content problem fails it, as a build would) and compares each
    /// translation's recorded `sourceHash` with its source file's bytes now.
    public static func check(contentDirectory: URL) -> Result<TranslationReport, BuildFailure> {
        ContentLoader.load(contentDirectory: contentDirectory).map { site in
            let tree = ContentTree(root: contentDirectory)
            var items: [(folder: String, sources: [String: TextSource])] = [("home", site.home.mapValues(\.source))]
            items += site.documents.map { ($0.folder, $0.texts.mapValues(\.source)) }
            items += site.areas.map { ($0.folder, $0.texts.mapValues(\.source)) }
            items += site.events.map { ($0.folder, $0.texts.mapValues(\.source)) }
            let entries = items.flatMap { item in
                states(of: item.folder, item.sources, config: site.config, tree: tree)
            }
            return TranslationReport(entries: entries)
        }
    }

    private static func states(of folder: String, _ sources: [String: TextSource], config: SiteConfig,
                               tree: ContentTree) -> [TranslationStatusEntry] {
        let codes = config.languages.map(\.code)
        guard let sourceLanguage = codes.first(where: { sources[$0] != nil }) else { return [] }
        let sourceBytes = FileManager.default.contents(atPath: tree.url("\(folder)/\(sourceLanguage).md").path) ?? Data()
        let now = SourceHash.of(sourceBytes)
        return codes.map { code in
            let state: TranslationState
            if code == sourceLanguage {
                state = .source
            } else if let text = sources[code] {
                switch text.sourceHash {
                case nil: state = .unrecorded
                case now: state = .current
                case let recorded?: state = .stale(recorded: recorded, now: now)
                }
            } else {
                state = .missing(fallback: config.choose(sources, for: code)?.language ?? sourceLanguage)
            }
            return TranslationStatusEntry(item: folder, language: code, sourceLanguage: sourceLanguage, state: state)
        }
    }
}
