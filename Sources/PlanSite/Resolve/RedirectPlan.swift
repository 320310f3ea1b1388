/// The old addresses of renamed items (`aliases` in their meta.yaml), each a page in every
/// language that sends the reader to the item's page. They are not in the sitemap, which lists
/// pages by their one address; a path that a page of the site has too is caught with the
/// others (`PathCollisions`), though `AliasOwnership` refuses such an alias when it is loaded.
struct Redirect: Sendable {
    let oldSlug: String
    let target: ItemReference
    /// The item's title in each language it has.
    let titles: [String: String]

    var oldPage: ItemReference { ItemReference(kind: target.kind, slug: oldSlug) }
}

extension Site {
    /// Every renamed item's old slugs, documents, then areas, then events, each oldest first.
    var redirects: [Redirect] {
        var redirects: [Redirect] = []
        func add(_ kind: ItemKind, _ slug: String, _ aliases: [Alias], _ titles: @autoclosure () -> [String: String]) {
            guard !aliases.isEmpty else { return }
            let titles = titles()
            let target = ItemReference(kind: kind, slug: slug)
            redirects += aliases.map { Redirect(oldSlug: $0.slug, target: target, titles: titles) }
        }
        for document in documents { add(.document, document.slug, document.aliases, document.texts.mapValues(\.title)) }
        for area in areas { add(.area, area.slug, area.aliases, area.texts.mapValues(\.title)) }
        for event in events { add(.event, event.slug, event.aliases, event.texts.mapValues(\.title)) }
        return redirects
    }

    /// A digest of every old address and the item it leads to, 0 when there is none. A page
    /// kept from the previous build may link to an old folder, so it is kept only while this
    /// is the same (`InputFingerprint.salted`).
    var redirectDigest: UInt64 {
        let list = redirects
        guard !list.isEmpty else { return 0 }
        var text = ""
        for redirect in list {
            text += "\(redirect.target.kind.rawValue) \(redirect.oldSlug) \(redirect.target.slug)\n"
        }
        return Array(text.utf8).withUnsafeBytes { WordHash.of($0) }
    }
}
