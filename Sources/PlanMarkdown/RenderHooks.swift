/// What the caller renders itself in a body: images (a published picture is more than an
/// `<img>`), and the language of a link's target when it is not the page's.
public struct RenderHooks {
    /// The HTML for an image, written as it is (the caller escapes what it puts in); nil: the
    /// image is written as an `<img>` with the rewritten source.
    public var image: ((MarkdownImage) -> String?)?
    /// The language of the file a link leads to, when the reader should be told.
    public var linkLanguage: ((String) -> LinkLanguage?)?

    public init(image: ((MarkdownImage) -> String?)? = nil, linkLanguage: ((String) -> LinkLanguage?)? = nil) {
        self.image = image
        self.linkLanguage = linkLanguage
    }
}

/// An image as the Markdown writes it.
public struct MarkdownImage {
    public let url: String
    /// Its alt text, as plain text.
    public let alt: String
    public let title: String
    /// The only thing in its paragraph: shown as a figure, its title the caption. The HTML
    /// returned for it stands in place of the paragraph.
    public let alone: Bool
}

/// A link's target is in another language than the page: `hreflang`, and a short note after
/// the link in the reader's language ("Russian"), marked with that language (the text around
/// it may be a fallback language's).
public struct LinkLanguage {
    public let code: String
    public let note: String
    public let noteLanguage: String

    public init(code: String, note: String, noteLanguage: String) {
        self.code = code
        self.note = note
        self.noteLanguage = noteLanguage
    }
}
