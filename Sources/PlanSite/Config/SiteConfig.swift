import Foundation

/// What `site.yaml` says: the site's title, its languages, where it is hosted, the default
/// time zone of events, the plan's period and the organisations that hold events.
public struct SiteConfig: Sendable {
    public let title: LocalizedText
    /// In order; the first is the default (the target of `x-default`).
    public let languages: [Language]
    /// Absolute URL ending in `/`; its path is where the site lives on the host.
    /// Settable because `--base-url` overrides it for one build.
    public var baseURL: String
    public let timezone: TimeZone
    public let period: ClosedRange<Int>
    /// Organisation keys in the order `site.yaml` gives them.
    public let organizationOrder: [String]
    public let organizations: [String: LocalizedText]
    /// `fallbackChain(for:)` of each language of the site.
    /// (A list: a site has a few languages, and comparing short codes is cheaper than hashing.)
    private let fallbackChains: [(code: String, chain: [String])]

    public var defaultLanguage: Language { languages[0] }

    public func language(_ code: String) -> Language? {
        languages.first { $0.code == code }
    }

    /// The languages to try for `code`: itself, its fallbacks, then every other language in
    /// `site.yaml` order (CONTENT.md: past the end of its chain, the others in order).
    public func fallbackChain(for code: String) -> [String] {
        // Asked for every text of every page (three times an event page): made once per language.
        for known in fallbackChains where known.code == code { return known.chain }
        return Self.fallbackChain(for: code, in: languages)
    }

    private static func fallbackChain(for code: String, in languages: [Language]) -> [String] {
        var chain = [code]
        let fallback = languages.first { $0.code == code }?.fallback ?? []
        for next in fallback + languages.map(\.code) where !chain.contains(next) {
            chain.append(next)
        }
        return chain
    }

    /// The path part of `baseURL` (`/` or `/plan/`), prefixed to every link inside the site.
    public var basePath: String {
        guard let url = URL(string: baseURL) else { return "/" }
        let path = url.path
        if path.isEmpty || path == "/" { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }

    public init(
        title: LocalizedText, languages: [Language], baseURL: String, timezone: TimeZone,
        period: ClosedRange<Int>, organizationOrder: [String], organizations: [String: LocalizedText]
    ) {
        self.title = title
        self.languages = languages
        self.baseURL = baseURL
        self.timezone = timezone
        self.period = period
        self.organizationOrder = organizationOrder
        self.organizations = organizations
        fallbackChains = languages.map { ($0.code, Self.fallbackChain(for: $0.code, in: languages)) }
    }
}
