/// What every page's layout shows: head metadata, the header with menus and language
/// switcher, and the footer. Built once per page by `ChromeBuilder`.
/// A class, so that the page's view holds it by reference: the templates name it on every
/// line of the layout (`page.t.skipToContent`), and following a name into a struct of this
/// size (the UI strings are 52 strings) copied all of it, every string retained and released.
final class PageChrome {
    struct NavItem {
        let href: String
        let label: String
        let isCurrent: Bool
    }

    struct Alternate {
        let hreflang: String
        let href: String
    }

    /// A locale as Open Graph writes it (`en_GB`).
    struct OpenGraphLocale {
        let code: String
    }

    /// The link preview's picture (`og:image`): the item's cover, else the theme's.
    struct PreviewImage {
        let url: String
        let width: Int
        let height: Int
        let type: String
        let alt: String
    }

    struct LanguageOption {
        let code: String
        let name: String
        let href: String
        let isCurrent: Bool
    }

    let lang: String
    /// The `<title>`: the page's own title, then the site's.
    let documentTitle: String
    let siteTitle: String
    let homeHref: String
    let stylesheet: String
    /// The page kind's own stylesheet, when the theme has one (`assets/progress.css`), linked
    /// after the site's: the shared sheet stays small for every other page.
    var pageStylesheet: String? = nil
    /// The page's own absolute URL; nil on the 404 page, which has no address of its own.
    var canonical: String?
    var alternates: [Alternate]
    let languages: [LanguageOption]
    /// The language's Atom feed, for autodiscovery.
    let feedHref: String
    let feedTitle: String
    let nav: [NavItem]
    let t: UIStrings
    /// Pages that print as documents (the plan, the note): the print sheet hides the menus.
    let bodyClass: String
    /// For search results and link previews (`description`, Open Graph): the page's summary or
    /// first paragraph, else the site's title.
    var description: String
    /// The title a link preview shows: the page's own, else the site's.
    let previewTitle: String
    /// `article` for an event or a document, `website` for the rest.
    var previewType: String = "website"
    let previewLocale: String
    let previewLocaleAlternates: [OpenGraphLocale]
    var previewImage: PreviewImage? = nil
    /// The theme's `favicon.svg`, when it has one.
    var favicon: String? = nil
    /// On a renamed item's old address: its new page, where readers are sent at once (a meta
    /// refresh, and `noindex` so that search engines keep only the new address).
    var redirect: String? = nil

    init(
        lang: String, documentTitle: String, siteTitle: String, homeHref: String, stylesheet: String,
        canonical: String?,
        alternates: [Alternate], languages: [LanguageOption], feedHref: String, feedTitle: String, nav: [NavItem],
        t: UIStrings, bodyClass: String, description: String, previewTitle: String, previewLocale: String,
        previewLocaleAlternates: [OpenGraphLocale]
    ) {
        self.description = description
        self.previewTitle = previewTitle
        self.previewLocale = previewLocale
        self.previewLocaleAlternates = previewLocaleAlternates
        self.lang = lang
        self.documentTitle = documentTitle
        self.siteTitle = siteTitle
        self.homeHref = homeHref
        self.stylesheet = stylesheet
        self.canonical = canonical
        self.alternates = alternates
        self.languages = languages
        self.feedHref = feedHref
        self.feedTitle = feedTitle
        self.nav = nav
        self.t = t
        self.bodyClass = bodyClass
    }
}

/// Said on a page whose text is in a fallback language, in the reader's language.
struct FallbackNotice {
    let message: String
    /// The language the text is in, named in that language, marked with its own `lang`.
    let languageCode: String
    let languageName: String
}

/// A link with a text that may be in another language than the page (a fallback).
struct TextLink {
    let href: String
    let text: String
    /// The language the text is in (a fallback's may differ from the page's).
    let lang: String
}
