import Foundation

import PlanMarkdown

/// Checks every link in every body once, so a link to no item is reported at its line and
/// column (CONTENT.md: a link to no item is an error).
struct LinkCheck: Sendable {
    let resolver: LinkResolver
    /// Folders of the draft events left out of this build: a link to one gets its own message.
    let excludedDrafts: Set<String>
    /// Folders of items that did not load (their problems are reported): a link to one is not
    /// a link to no item.
    var unloaded: Set<String> = []
    /// A link from the content root resolves the same from every folder, and a large site
    /// repeats a few of them (the plan, the areas) in most of its 30,000 bodies: each is
    /// resolved once.
    private var rootLinksThatResolve: Set<String> = []

    init(resolver: LinkResolver, excludedDrafts: Set<String>) {
        self.resolver = resolver
        self.excludedDrafts = excludedDrafts
    }

    /// Checks the links of every body of the site.
    static func run(_ site: Site, resolver: LinkResolver, excludedDrafts: Set<String>, unloaded: Set<String> = [],
                    log: inout DiagnosticLog) {
        var check = LinkCheck(resolver: resolver, excludedDrafts: excludedDrafts)
        check.unloaded = unloaded
        for home in site.home.values { check.check(home.body.links, from: home.source, log: &log) }
        for document in site.documents {
            for text in document.texts.values { check.check(text.body.links, from: text.source, log: &log) }
        }
        for area in site.areas {
            for text in area.texts.values { check.check(text.body.links, from: text.source, log: &log) }
        }
        for event in site.events {
            for text in event.texts.values where !text.body.links.isEmpty {
                check.check(text.body.links, from: text.source, log: &log)
            }
        }
    }

    private mutating func check(_ links: [(url: String, position: SourcePosition)], from source: TextSource, log: inout DiagnosticLog) {
        for link in links {
            let fromRoot = link.url.utf8.first == UInt8(ascii: "/")
            if fromRoot, rootLinksThatResolve.contains(link.url) { continue }
            guard case .broken(let path) = resolver.resolve(link.url, from: source.folder) else {
                if fromRoot { rootLinksThatResolve.insert(link.url) }
                continue
            }
            let at = SourceLocation(path: source.path, line: link.position.line, column: link.position.column)
            let target = LinkResolver.normalize(path.removingPercentEncoding ?? path, from: source.folder) ?? path
            if unloaded.contains(target) { continue }
            if excludedDrafts.contains(target) {
                log.error(at, "link to the draft event '\(target)', which is left out of this build (use --drafts, or remove 'draft: true')")
            } else {
                log.error(at, "link to no item: '\(link.url)' (link to an item's folder, such as /documents/plan or ../../areas/cybercrime)")
            }
        }
    }
}
