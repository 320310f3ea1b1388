import Foundation

/// Resolves links written between items: to an item's source folder, from the content root
/// (`/documents/plan`) or relative to the linking file (`../../areas/cybercrime`), with an
/// optional `#fragment`. Links with a scheme (`https:`, `mailto:`) or only a fragment pass as they are.
public struct LinkResolver: Sendable {
    private let items: [String: ItemReference]

    public init(site: Site) {
        var items: [String: ItemReference] = ["home": ItemReference(kind: .home, slug: "home")]
        for document in site.documents { items[document.folder] = ItemReference(kind: .document, slug: document.slug) }
        for area in site.areas { items[area.folder] = ItemReference(kind: .area, slug: area.slug) }
        for event in site.events { items[event.folder] = ItemReference(kind: .event, slug: event.slug) }
        self.items = items
    }

    public enum Resolution: Equatable {
        /// Leave the link as written (external, or a fragment on the same page).
        case external
        case item(ItemReference, fragment: String?)
        case broken(path: String)
    }

    public func resolve(_ url: String, from folder: String) -> Resolution {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") || Self.hasScheme(url) { return .external }
        var path = url
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        let decoded = path.removingPercentEncoding ?? path
        guard let folderPath = Self.normalize(decoded, from: folder) else { return .broken(path: path) }
        if let item = items[folderPath] { return .item(item, fragment: fragment) }
        // A link may name a language file of the item (`../plan/en.md`); the reader's language is used.
        if folderPath.hasSuffix(".md"), let slash = folderPath.lastIndex(of: "/"),
           let item = items[String(folderPath[..<slash])] {
            return .item(item, fragment: fragment)
        }
        return .broken(path: path)
    }

    /// `scheme:` per RFC 3986 3.1.
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// The content-relative path a link points to, or nil when it climbs above the content root.
    static func normalize(_ path: String, from folder: String) -> String? {
        var parts: [Substring] = path.hasPrefix("/") ? [] : folder.split(separator: "/")
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        if parts.last == "index.md" { parts.removeLast() }
        return parts.joined(separator: "/")
    }
}
