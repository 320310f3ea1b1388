import Foundation

import PlanMarkdown

/// Checks every link in every body once, before anything is rendered, so a link to no item
/// is reported at its line and column (CONTENT.md: a link to no item is an error).
enum LinkCheck {
    static func run(_ site: Site, resolver: LinkResolver, excludedDrafts: Set<String>, log: inout DiagnosticLog) {
        var bodies: [(Body, TextSource)] = site.home.values.map { ($0.body, $0.source) }
        for document in site.documents { bodies += document.texts.values.map { ($0.body, $0.source) } }
        for area in site.areas { bodies += area.texts.values.map { ($0.body, $0.source) } }
        for event in site.events {
            for text in event.texts.values where !text.body.links.isEmpty { bodies.append((text.body, text.source)) }
        }
        // A link from the content root resolves the same from every folder, and a large site
        // repeats a few of them (the plan, the areas) in most of its 30,000 bodies: each is
        // resolved once.
        var rootLinksThatResolve: Set<String> = []
        for (body, source) in bodies {
            for link in body.links {
                let fromRoot = link.url.utf8.first == UInt8(ascii: "/")
                if fromRoot, rootLinksThatResolve.contains(link.url) { continue }
                guard case .broken(let path) = resolver.resolve(link.url, from: source.folder) else {
                    if fromRoot { rootLinksThatResolve.insert(link.url) }
                    continue
                }
                let at = SourceLocation(path: source.path, line: link.position.line, column: link.position.column)
                let target = LinkResolver.normalize(path.removingPercentEncoding ?? path, from: source.folder) ?? path
                if excludedDrafts.contains(target) {
                    log.error(at, "link to the draft event '\(target)', which is left out of this build (use --drafts, or remove 'draft: true')")
                } else {
                    log.error(at, "link to no item: '\(link.url)' (link to an item's folder, such as /documents/plan or ../../areas/cybercrime)")
                }
            }
        }
    }
}
