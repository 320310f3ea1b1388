import Foundation

import PlanMarkdown

/// Checks every link in every body once, so a link to no item is reported at its line and
/// column (CONTENT.md: a link to no item is an error). The bodies whose links are known when
/// the site is loaded are checked before anything is rendered; an event's body that is parsed
/// only when its page is rendered (`Body`) is checked after rendering, before the new output
/// is swapped in (`afterRendering`).
struct LinkCheck: Sendable {
    let resolver: LinkResolver
    /// Folders of the draft events left out of this build: a link to one gets its own message.
    let excludedDrafts: Set<String>
    /// A link from the content root resolves the same from every folder, and a large site
    /// repeats a few of them (the plan, the areas) in most of its 30,000 bodies: each is
    /// resolved once.
    private var rootLinksThatResolve: Set<String> = []
    /// Links with a fragment, checked once every body's links are known (`FragmentCheck`).
    private var fragmentLinks: [FragmentCheck.Link] = []
    /// The site `checkKnown` was given, for the fragments' check.
    private var site: Site?

    init(resolver: LinkResolver, excludedDrafts: Set<String>) {
        self.resolver = resolver
        self.excludedDrafts = excludedDrafts
    }

    /// Checks the site's bodies whose links are known, and returns those whose are not yet.
    mutating func checkKnown(_ site: Site, log: inout DiagnosticLog) -> [(Body, TextSource)] {
        self.site = site
        var held: [(Body, TextSource)] = site.home.values.map { ($0.body, $0.source) }
        for document in site.documents { held += document.texts.values.map { ($0.body, $0.source) } }
        for area in site.areas { held += area.texts.values.map { ($0.body, $0.source) } }
        var later: [(Body, TextSource)] = []
        for (body, source) in held { check(body.links, from: source, log: &log) }
        for event in site.events {
            for text in event.texts.values {
                guard let facts = text.body.knownFacts else {
                    later.append((text.body, text.source))
                    continue
                }
                if !facts.links.isEmpty { check(facts.links, from: text.source, log: &log) }
            }
        }
        if later.isEmpty { checkFragments(log: &log) }
        return later
    }

    /// Checks the bodies `checkKnown` left, once rendering has parsed them (those it did not
    /// parse, such as the texts of pages kept from the previous build, are parsed here, on
    /// every core), and the `drafts`' bodies not parsed yet: left out of the build, they are
    /// checked only for nesting too deep, an error here as it is when loaded.
    mutating func afterRendering(_ bodies: [(Body, TextSource)], drafts: [(Body, TextSource)] = [],
                                 log: inout DiagnosticLog) {
        // One pass over both, so that every core parses what is left.
        for (index, (facts, source)) in Self.facts(of: bodies + drafts).enumerated() {
            switch facts {
            case .success(let facts):
                if let deep = facts.tooDeep { log.add(ItemFolder.tooDeep(in: source.path, at: deep)) }
                if index < bodies.count { check(facts.links, from: source, log: &log) }
            case .failure(let changed):
                log.error(SourceLocation(path: changed.path), BodyChanged.message)
            }
        }
        checkFragments(log: &log)
    }

    /// Checks the links with a fragment, once all are known (both passes call it; the second
    /// finds none left).
    private mutating func checkFragments(log: inout DiagnosticLog) {
        guard !fragmentLinks.isEmpty, let site else { return }
        var fragments = FragmentCheck(site: site)
        fragments.check(fragmentLinks, log: &log)
        fragmentLinks = []
    }

    private static func facts(of bodies: [(Body, TextSource)]) -> [(Result<BodyFacts, BodyChanged>, TextSource)] {
        ParallelMap.map(bodies) { body, source in
            do {
                return (.success(try body.facts()), source)
            } catch {
                return (.failure(error as? BodyChanged ?? BodyChanged(path: source.path)), source)
            }
        }
    }

    /// Every body, parsing now those not parsed yet (a single event run through, in `ItemProbe`).
    static func run(_ site: Site, resolver: LinkResolver, excludedDrafts: Set<String>, log: inout DiagnosticLog) {
        var check = LinkCheck(resolver: resolver, excludedDrafts: excludedDrafts)
        let later = check.checkKnown(site, log: &log)
        check.afterRendering(later, log: &log)
    }

    /// The link as `FragmentCheck` takes it, when it has a fragment: to an item, or alone.
    private static func fragmentLink(_ link: (url: String, position: SourcePosition),
                                     _ resolution: LinkResolver.Resolution,
                                     _ source: TextSource) -> FragmentCheck.Link? {
        switch resolution {
        case .item(let target, let fragment?) where !fragment.isEmpty:
            return FragmentCheck.Link(url: link.url, fragment: fragment, target: target, position: link.position,
                                      source: source)
        case .external where link.url.utf8.first == UInt8(ascii: "#") && link.url.utf8.count > 1:
            return FragmentCheck.Link(url: link.url, fragment: String(link.url.dropFirst()), target: nil,
                                      position: link.position, source: source)
        default:
            return nil
        }
    }

    private mutating func check(_ links: [(url: String, position: SourcePosition)], from source: TextSource, log: inout DiagnosticLog) {
        for link in links {
            let fromRoot = link.url.utf8.first == UInt8(ascii: "/")
            if fromRoot, rootLinksThatResolve.contains(link.url) { continue }
            let resolution = resolver.resolve(link.url, from: source.folder)
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
            if excludedDrafts.contains(target) {
                log.error(at, "link to the draft event '\(target)', which is left out of this build (use --drafts, or remove 'draft: true')")
            } else {
                log.error(at, "link to no item: '\(link.url)' (link to an item's folder, such as /documents/plan or ../../areas/cybercrime)")
            }
        }
    }
}
