import Foundation

/// What `plansite new` is asked to write.
public struct NewItem: Sendable {
    public enum Kind: Sendable {
        /// `start` as the user typed it, checked like `meta.yaml`'s.
        case event(start: String, area: String?)
        case area(number: Int)
        case document(order: Int)
    }

    public var kind: Kind
    public var slug: String
    /// nil: every language of site.yaml.
    public var languages: [String]?
    public var content: URL

    public init(kind: Kind, slug: String, languages: [String]? = nil, content: URL) {
        self.kind = kind
        self.slug = slug
        self.languages = languages
        self.content = content
    }
}
