/// The typed views templates see, one per page kind. Every front-matter value in them is
/// plain text that the templates escape; only the `…HTML` fields hold markup, made by the builder.
/// Every `…Lang` field holds the language its text is in, even when that is the page's own:
/// Mustache looks a nil value up in the enclosing views, which would put a wrong `lang` on it.

struct HomePage {
    let page: PageChrome
    let title: String
    let textLang: String
    let notice: FallbackNotice?
    let introHTML: RenderedHTML
    let areas: [AreaSummary]
    let upcoming: [EventSummary]
    let hasUpcoming: Bool
    let documents: [DocumentSummary]
    let calendarHref: String
    let areasHref: String
    /// The progress page, and its one-sentence summary (issue 21).
    let progressHref: String
    let progressSummary: String
}

struct DocumentPage {
    struct ApprovalView {
        let heading: String
        let signatories: [Signatory]
    }

    struct AreasTableView {
        let numberHeading: String
        let titleHeading: String
        /// The headings' language: the document text's (its `areasTable`) or the page's (the theme's words).
        let headingLang: String
        let rows: [AreaSummary]
        /// The progress page: how far the table's areas have got.
        let progressHref: String
    }

    /// "Authentic texts: English, Русский", each a link to the document in that language.
    struct AuthenticTexts {
        struct Text {
            let href: String
            /// The language's name, in that language.
            let name: String
            let lang: String
            let isLast: Bool
        }

        let label: String
        let texts: [Text]
    }

    let page: PageChrome
    let title: String
    let textLang: String
    let notice: FallbackNotice?
    let subtitle: String?
    let issuer: String?
    let addressee: String?
    let reference: String?
    let date: String?
    let datetime: String?
    let place: String?
    let placeLang: String
    let enclosure: String?
    let approval: ApprovalView?
    /// Which texts are originals, shown to a reader whose language is not one of them.
    let authentic: AuthenticTexts?
    let cover: RenderedHTML?
    let bodyHTML: RenderedHTML
    let downloads: Downloads?
    let areasTable: AreasTableView?
    /// True when any of reference, date or place is shown.
    let hasFacts: Bool
}

struct DocumentsPage {
    let page: PageChrome
    let documents: [DocumentSummary]
}

struct AreasPage {
    let page: PageChrome
    let areas: [AreaSummary]
}

struct AreaPage {
    let page: PageChrome
    let numberLabel: String
    let title: String
    let textLang: String
    let notice: FallbackNotice?
    let cover: RenderedHTML?
    let bodyHTML: RenderedHTML
    let downloads: Downloads?
    let upcoming: [YearGroup]
    let past: [YearGroup]
    let hasUpcoming: Bool
    let hasPast: Bool
    let hasEvents: Bool
    /// When the area has too many events for one page: links to a page per year instead.
    let isSplit: Bool
    let yearLinks: [YearLink]
    let calendarHref: String
    let subscription: CalendarSubscription
}

struct EventPage {
    let page: PageChrome
    let title: String
    let textLang: String
    let notice: FallbackNotice?
    let summary: String?
    let dates: String
    let datetime: String
    let zone: String?
    let status: String
    let statusClass: String
    let format: String?
    let location: String?
    let organizers: String?
    let area: TextLink?
    let milestone: String?
    /// The event's cover, above its text.
    let cover: RenderedHTML?
    let bodyHTML: RenderedHTML
    /// Its downloads (`attachments`), after its text.
    let downloads: Downloads?
    let calendarHref: String
    let subscription: CalendarSubscription
    /// schema.org JSON-LD, made by the builder with `<`, `>` and `&` escaped.
    let structuredData: RenderedHTML
}

/// "Add to calendar" (the `.ics` file) and "Subscribe" (the same or a wider calendar, `webcal://`).
struct CalendarSubscription {
    let downloadHref: String
    let subscribeHref: String
}

struct CalendarPage {
    struct MonthView {
        let id: String
        let heading: String
        let events: [EventSummary]
        let isEmpty: Bool
        /// On a split calendar the month lists no events but links to its own page.
        let isLinked: Bool
        let href: String
        let countLabel: String
    }

    struct YearView {
        let year: Int
        let id: String
        let countLabel: String
        let months: [MonthView]
    }

    let page: PageChrome
    let years: [YearView]
    let subscription: CalendarSubscription
    let feedHref: String
}

/// One month of a calendar too long for one page.
struct CalendarMonthPage {
    let page: PageChrome
    let heading: String
    let countLabel: String
    let events: [EventSummary]
    let calendarHref: String
}

/// One year of an area's events, when the area has too many for its own page.
struct AreaYearPage {
    let page: PageChrome
    let areaTitle: String
    let areaTitleLang: String
    let areaHref: String
    let year: Int
    let countLabel: String
    let events: [EventSummary]
}

/// A link to one year of an area's events, with how many there are.
struct YearLink {
    let year: Int
    let href: String
    let countLabel: String
}

struct ChooserPage {
    struct Option {
        let code: String
        let name: String
        let href: String
        let siteTitle: String
    }

    let page: PageChrome
    let options: [Option]
}

struct NotFoundPage {
    struct Message {
        let lang: String
        let title: String
        let text: String
        let homeHref: String
        let homeLabel: String
        let languageName: String
        let isFirst: Bool
    }

    let page: PageChrome
    let messages: [Message]
}

/// At a renamed item's old address, in each language: says the page has moved and links to the
/// new one (for readers whose browser does not follow `page.redirect`).
struct RedirectPage {
    let page: PageChrome
    let heading: String
    let text: String
    let target: TextLink
}

/// A download listed on an item's page (`attachments`).
struct AttachmentView {
    let href: String
    /// The file's name, as published.
    let name: String
    /// The file's language, when it is not the reader's (its variant is missing).
    let hreflang: String?
    let languageNote: String?
    /// "PDF, 1.2 MB", in the reader's language.
    let details: String
    let mimeType: String
}

/// An item's downloads, in `attachments:` order; a page without any has none.
struct Downloads {
    let items: [AttachmentView]
}
