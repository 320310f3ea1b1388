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
    /// Links with a fragment, checked once every body's links are known (`FragmentCheck`).
    private var fragmentLinks: [FragmentCheck.Link] = []
    /// The site checked, for the fragments' check.
    private var site: Site?

    init(resolver: LinkResolver, excludedDrafts: Set<String>) {
        self.resolver = resolver
        self.excludedDrafts = excludedDrafts
    }

    /// Checks the links with a fragment, once every body's links are known.
    private mutating func checkFragments(log: inout DiagnosticLog) {
        guard !fragmentLinks.isEmpty, let site else { return }
        var fragments = FragmentCheck(site: site)
        fragments.check(fragmentLinks, log: &log)
        fragmentLinks = []
    }

    /// Checks the links of every body of the site.
    static func run(
        _ site: Site, resolver: LinkResolver, excludedDrafts: Set<String>, unloaded: Set<String> = [],
        log: inout DiagnosticLog
    ) {
        var check = LinkCheck(resolver: resolver, excludedDrafts: excludedDrafts)
        check.unloaded = unloaded
        check.site = site
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
        check.checkFragments(log: &log)
    }

    /// The link as `FragmentCheck` takes it, when it has a fragment: to an item, or alone.
    private static func fragmentLink(
        _ link: (url: String, position: SourcePosition),
        _ resolution: LinkResolver.Resolution,
        _ source: TextSource
    ) -> FragmentCheck.Link? {
        switch resolution {
        case .item(let target, let fragment?) where !fragment.isEmpty:
            return FragmentCheck.Link(
                url: link.url, fragment: fragment, target: target, position: link.position,
                source: source)
        case .external where link.url.utf8.first == UInt8(ascii: "#") && link.url.utf8.count > 1:
            return FragmentCheck.Link(
                url: link.url, fragment: String(link.url.dropFirst()), target: nil,
                position: link.position, source: source)
        default:
            return nil
        }
    }

    private mutating func check(
        _ links: [(url: String, position: SourcePosition)], from source: TextSource, log: inout DiagnosticLog
    ) {
        for link in links {
            let fromRoot = link.url.utf8.first == UInt8(ascii: "/")
            if fromRoot, rootLinksThatResolve.contains(link.url) { continue }
            let resolution = resolver.resolve(link.url, from: source.folder)
            if case .media(let file) = resolution, file.folder != source.folder {
                // A kept page is remade when its own folder changes, not another's (`BuildMemory`).
                log.error(
                    SourceLocation(path: source.path, line: link.position.line, column: link.position.column),
                    "'\(link.url)' is a file of \(file.folder): a text shows and links the files of its own "
                        + "folder; copy it into \(source.folder)")
                continue
            }
            guard case .broken(let path) = resolution else {
                if let fragment = Self.fragmentLink(link, resolution, source) {
                    fragmentLinks.append(fragment)
                } else if fromRoot {
                    rootLinksThatResolve.insert(link.url)
                }
                continue
            }
            let at = SourceLocation(path: source.path, line: link.position.line, column: link.position.column)
            let target = LinkResolver.normalize(path.removingPercentEncoding ?? path, from: source.folder) ?? path
            if unloaded.contains(target) || site?.media.refused.contains(target) == true { continue }
            if excludedDrafts.contains(target) {
                log.error(
                    at,
                    "link to the draft event '\(target)', which is left out of this build (use --drafts, "
                        + "or remove 'draft: true')"
                )
            } else if MediaCheck.mayNameAFile(link.url), let slash = target.utf8.lastIndex(of: UInt8(ascii: "/")) {
                log.error(
                    at,
                    "no file '\(target[target.utf8.index(after: slash)...])' in \(target[..<slash]): '\(link.url)' "
                        + "names no media file (a file of an item's folder, named without its language)")
            } else {
                log.error(
                    at,
                    "link to no item: '\(link.url)' (link to an item's folder, "
                        + "such as /documents/plan or ../../areas/cybercrime)"
                )
            }
        }
    }
}
