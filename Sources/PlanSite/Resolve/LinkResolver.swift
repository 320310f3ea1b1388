import Foundation

/// Resolves links written between items: to an item's source folder, from the content root
/// (`/documents/plan`) or relative to the linking file (`../../areas/cybercrime`), with an
/// optional `#fragment`. Links with a scheme (`https:`, `mailto:`) or only a fragment pass as they are.
///
/// A link to a renamed item's old folder resolves to the item (CONTENT.md, "Renamed items"):
/// `documents/OLD` and `areas/OLD`, and for an event any `events/…/OLD`, as its old folder
/// may have been in another group (year) than its new one.
public struct LinkResolver: Sendable {
    private let items: [String: ItemReference]
    /// An event's old slugs: its old folder's groups are not known.
    private let eventAliases: [String: ItemReference]
    /// The media files of the items' folders, linked to by their path (`plan-signed.pdf`).
    private let media: MediaLibrary

    public init(site: Site) {
        var items: [String: ItemReference] = ["home": ItemReference(kind: .home, slug: "home")]
        var eventAliases: [String: ItemReference] = [:]
        for document in site.documents {
            let item = ItemReference(kind: .document, slug: document.slug)
            for alias in document.aliases { items["documents/" + alias.slug] = item }
            items[document.folder] = item
        }
        for area in site.areas {
            let item = ItemReference(kind: .area, slug: area.slug)
            for alias in area.aliases { items["areas/" + alias.slug] = item }
            items[area.folder] = item
        }
        for event in site.events {
            let item = ItemReference(kind: .event, slug: event.slug)
            for alias in event.aliases { eventAliases[alias.slug] = item }
            items[event.folder] = item
        }
        self.items = items
        self.eventAliases = eventAliases
        self.media = site.media
    }

    public enum Resolution: Equatable {
        /// Leave the link as written (external, or a fragment on the same page).
        case external
        case item(ItemReference, fragment: String?)
        /// A file in an item's folder (CONTENT.md, "Media").
        case media(MediaSource)
        case broken(path: String)
    }

    public func resolve(_ url: String, from folder: String) -> Resolution {
        // Links are scanned as UTF-8 bytes: every link of every body is resolved on every build,
        // and the characters looked for ('#', '?', '/', '%', ':') are all ASCII.
        let bytes = url.utf8
        if bytes.isEmpty || bytes.first == UInt8(ascii: "#") || url.hasPrefix("//") || Self.hasScheme(url) {
            return .external
        }
        var pathEnd = bytes.endIndex
        var fragment: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(url[bytes.index(after: hash)...])
            pathEnd = hash
        }
        if let query = bytes[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) { pathEnd = query }
        let path = pathEnd == bytes.endIndex ? url : String(url[..<pathEnd])
        // Foundation's decoding goes through CoreFoundation: worth it only when there is a '%'.
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
        guard let folderPath = Self.normalize(decoded, from: folder) else { return .broken(path: path) }
        if let item = item(at: folderPath) { return .item(item, fragment: fragment) }
        if let slash = folderPath.utf8.lastIndex(of: UInt8(ascii: "/")),
            let source = media.source(
                folder: String(folderPath[..<slash]), name: String(folderPath[folderPath.utf8.index(after: slash)...]))
        {
            return .media(source)
        }
        // A link may name a language file of the item (`../plan/en.md`); the reader's language is used.
        if folderPath.hasSuffix(".md"), let slash = folderPath.utf8.lastIndex(of: UInt8(ascii: "/")),
            let item = item(at: String(folderPath[..<slash]))
        {
            return .item(item, fragment: fragment)
        }
        return .broken(path: path)
    }

    /// The item whose folder, or old folder, is at this content-relative path.
    private func item(at folderPath: String) -> ItemReference? {
        if let item = items[folderPath] { return item }
        guard !eventAliases.isEmpty, folderPath.hasPrefix("events/"),
            let slash = folderPath.utf8.lastIndex(of: UInt8(ascii: "/"))
        else { return nil }
        return eventAliases[String(folderPath[folderPath.utf8.index(after: slash)...])]
    }

    /// `scheme:` per RFC 3986 3.1: an ASCII letter, then ASCII letters, digits, `+`, `-` or `.`.
    static func hasScheme(_ url: String) -> Bool {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let first = bytes.first, isASCIILetter(first) else {
            return false
        }
        return bytes[..<colon].allSatisfy { byte in
            isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// The content-relative path a link points to, or nil when it climbs above the content root.
    static func normalize(_ path: String, from folder: String) -> String? {
        let slash = UInt8(ascii: "/")
        var parts: [Substring.UTF8View] =
            path.utf8.first == slash ? [] : folder.utf8.split(separator: slash).map { Substring($0).utf8 }
        for part in path.utf8.split(separator: slash) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(Substring(part).utf8)
        }
        if let last = parts.last, last.elementsEqual("index.md".utf8) { parts.removeLast() }
        var joined: [UInt8] = []
        for (offset, part) in parts.enumerated() {
            if offset > 0 { joined.append(slash) }
            joined.append(contentsOf: part)
        }
        return String(decoding: joined, as: UTF8.self)
    }
}
