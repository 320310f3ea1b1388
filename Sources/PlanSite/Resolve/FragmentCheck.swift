import Foundation
import PlanMarkdown

/// Checks every link with a fragment (`/documents/mou#scope`, `#scope`) in every language it
/// is published in: the page it leads to in that language must have a heading with that id.
///
/// A text is published in its own language and in every language whose fallback chain reaches
/// it (a `kk` page showing the `ru` text). Its link to another item leads to that item's page in
/// the same language, which shows whichever text that language's chain picks; a fragment alone
/// stays on its own page. Headings get their ids from their text, which differs between
/// translations, so a fragment meant for every language names an explicit id that each
/// translation gives its heading (`## Scope {#scope}`; see `HeadingIDs`).
struct FragmentCheck {
    /// A link with a fragment, as the link check met it.
    struct Link: Sendable {
        let url: String
        let fragment: String
        /// The item it leads to; nil for a fragment alone (the page it is on).
        let target: ItemReference?
        let position: SourcePosition
        let source: TextSource
    }

    private typealias Text = (body: Body, source: TextSource)

    private let config: SiteConfig
    /// Each item's texts by language, by the item's folder.
    private let texts: [String: [String: Text]]
    private let folders: [ItemReference: String]
    /// Heading ids by file (`TextSource.path`), found once per text.
    private var ids: [String: Set<String>] = [:]

    init(site: Site) {
        config = site.config
        var texts: [String: [String: Text]] = [:]
        var folders: [ItemReference: String] = [:]
        func add(_ reference: ItemReference, _ folder: String, _ each: [String: Text]) {
            texts[folder] = each
            folders[reference] = folder
        }
        add(ItemReference(kind: .home, slug: "home"), "home", site.home.mapValues { ($0.body, $0.source) })
        for item in site.documents {
            add(
                ItemReference(kind: .document, slug: item.slug), item.folder,
                item.texts.mapValues { ($0.body, $0.source) })
        }
        for item in site.areas {
            add(ItemReference(kind: .area, slug: item.slug), item.folder, item.texts.mapValues { ($0.body, $0.source) })
        }
        for item in site.events {
            add(
                ItemReference(kind: .event, slug: item.slug), item.folder,
                item.texts.mapValues { ($0.body, $0.source) })
        }
        self.texts = texts
        self.folders = folders
    }

    /// Reports each link whose fragment names no heading in some language it is published in.
    mutating func check(_ links: [Link], log: inout DiagnosticLog) {
        for link in links {
            guard let own = texts[link.source.folder],
                let written = own.first(where: { $0.value.source.path == link.source.path })?.key
            else { continue }
            let wanted = link.fragment.removingPercentEncoding ?? link.fragment
            var failing: [String] = []
            var resolving = 0
            for language in config.languages.map(\.code) where config.choose(own, for: language)?.language == written {
                guard let page = page(of: link, in: language, own: own) else { continue }
                if headingIDs(of: page).contains(wanted) || RenderContext.reservedIDs.contains(wanted) {
                    resolving += 1
                } else {
                    failing.append(language)
                }
            }
            guard !failing.isEmpty else { continue }
            let at = SourceLocation(path: link.source.path, line: link.position.line, column: link.position.column)
            let page = link.target == nil ? "this page" : "the page it leads to"
            let hint =
                resolving > 0 || link.target != nil
                ? "; to link to a heading in every language, give it the same id in each translation: "
                    + "'## Its title {#\(wanted.isEmpty ? "some-id" : wanted)}'"
                : ""
            log.error(
                at,
                "link to '\(link.url)': \(page) has no heading with the id '\(wanted)' in "
                    + "\(failing.joined(separator: ", "))\(hint)")
        }
    }

    /// The text the link's fragment must be found in, on the page of `language`.
    private func page(of link: Link, in language: String, own: [String: Text]) -> Text? {
        guard let target = link.target else { return config.choose(own, for: language)?.text }
        guard let folder = folders[target], let texts = texts[folder] else { return nil }
        return config.choose(texts, for: language)?.text
    }

    private mutating func headingIDs(of text: Text) -> Set<String> {
        if let known = ids[text.source.path] { return known }
        // A body whose file changed since it was loaded has none: the build fails on it anyway.
        let found = Set(
            (try? BodyFile.document(of: text.body).headingIDs(reservedIDs: RenderContext.reservedIDs)) ?? [])
        ids[text.source.path] = found
        return found
    }
}
