/// Which language's text a page shows (CONTENT.md: the reader's language, else its fallback chain).
public struct Chosen<Text> {
    public let text: Text
    /// The language the text is in; differs from the page's language on a fallback page.
    public let language: String
    public let isFallback: Bool
}

extension SiteConfig {
    public func choose<Text>(_ texts: [String: Text], for language: String) -> Chosen<Text>? {
        for code in fallbackChain(for: language) {
            if let text = texts[code] {
                return Chosen(text: text, language: code, isFallback: code != language)
            }
        }
        return nil
    }
}
