import Mustache

// Direct key lookup for the views, instead of swift-mustache's default `Mirror` reflection,
// which builds every child of a value for each lookup and dominated the render time.
// `ViewLookupTests` checks each case against `Mirror`, so a field added to a view and not
// here fails a test rather than rendering as nothing.

extension PageChrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": return self.lang
        case "documentTitle": return self.documentTitle
        case "siteTitle": return self.siteTitle
        case "homeHref": return self.homeHref
        case "stylesheet": return self.stylesheet
        case "canonical": return self.canonical
        case "alternates": return self.alternates
        case "languages": return self.languages
        case "feedHref": return self.feedHref
        case "feedTitle": return self.feedTitle
        case "nav": return self.nav
        case "t": return self.t
        case "bodyClass": return self.bodyClass
        default: return nil
        }
    }
}

extension PageChrome.NavItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": return self.href
        case "label": return self.label
        case "isCurrent": return self.isCurrent
        default: return nil
        }
    }
}

extension PageChrome.Alternate: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hreflang": return self.hreflang
        case "href": return self.href
        default: return nil
        }
    }
}

extension PageChrome.LanguageOption: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": return self.code
        case "name": return self.name
        case "href": return self.href
        case "isCurrent": return self.isCurrent
        default: return nil
        }
    }
}

extension FallbackNotice: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "message": return self.message
        case "languageCode": return self.languageCode
        case "languageName": return self.languageName
        default: return nil
        }
    }
}

extension TextLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": return self.href
        case "text": return self.text
        case "lang": return self.lang
        default: return nil
        }
    }
}

extension HomePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "title": return self.title
        case "textLang": return self.textLang
        case "notice": return self.notice
        case "introHTML": return self.introHTML
        case "areas": return self.areas
        case "upcoming": return self.upcoming
        case "hasUpcoming": return self.hasUpcoming
        case "documents": return self.documents
        case "calendarHref": return self.calendarHref
        case "areasHref": return self.areasHref
        default: return nil
        }
    }
}

extension DocumentPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "title": return self.title
        case "textLang": return self.textLang
        case "notice": return self.notice
        case "subtitle": return self.subtitle
        case "issuer": return self.issuer
        case "addressee": return self.addressee
        case "reference": return self.reference
        case "date": return self.date
        case "datetime": return self.datetime
        case "place": return self.place
        case "placeLang": return self.placeLang
        case "enclosure": return self.enclosure
        case "approval": return self.approval
        case "bodyHTML": return self.bodyHTML
        case "areasTable": return self.areasTable
        case "hasFacts": return self.hasFacts
        default: return nil
        }
    }
}

extension DocumentPage.ApprovalView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": return self.heading
        case "signatories": return self.signatories
        default: return nil
        }
    }
}

extension DocumentPage.AreasTableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "numberHeading": return self.numberHeading
        case "titleHeading": return self.titleHeading
        case "rows": return self.rows
        default: return nil
        }
    }
}

extension DocumentsPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "documents": return self.documents
        default: return nil
        }
    }
}

extension AreasPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "areas": return self.areas
        default: return nil
        }
    }
}

extension AreaPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "numberLabel": return self.numberLabel
        case "title": return self.title
        case "textLang": return self.textLang
        case "notice": return self.notice
        case "bodyHTML": return self.bodyHTML
        case "upcoming": return self.upcoming
        case "past": return self.past
        case "hasUpcoming": return self.hasUpcoming
        case "hasPast": return self.hasPast
        case "hasEvents": return self.hasEvents
        case "calendarHref": return self.calendarHref
        case "subscription": return self.subscription
        default: return nil
        }
    }
}

extension EventPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "title": return self.title
        case "textLang": return self.textLang
        case "notice": return self.notice
        case "summary": return self.summary
        case "dates": return self.dates
        case "datetime": return self.datetime
        case "zone": return self.zone
        case "status": return self.status
        case "statusClass": return self.statusClass
        case "format": return self.format
        case "location": return self.location
        case "organizers": return self.organizers
        case "area": return self.area
        case "milestone": return self.milestone
        case "bodyHTML": return self.bodyHTML
        case "calendarHref": return self.calendarHref
        case "subscription": return self.subscription
        case "structuredData": return self.structuredData
        default: return nil
        }
    }
}

extension CalendarSubscription: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "downloadHref": return self.downloadHref
        case "subscribeHref": return self.subscribeHref
        default: return nil
        }
    }
}

extension CalendarPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "years": return self.years
        case "subscription": return self.subscription
        case "feedHref": return self.feedHref
        default: return nil
        }
    }
}

extension CalendarPage.MonthView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return self.id
        case "heading": return self.heading
        case "events": return self.events
        case "isEmpty": return self.isEmpty
        default: return nil
        }
    }
}

extension CalendarPage.YearView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "year": return self.year
        case "id": return self.id
        case "countLabel": return self.countLabel
        case "months": return self.months
        default: return nil
        }
    }
}

extension ChooserPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "options": return self.options
        default: return nil
        }
    }
}

extension ChooserPage.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": return self.code
        case "name": return self.name
        case "href": return self.href
        case "siteTitle": return self.siteTitle
        default: return nil
        }
    }
}

extension NotFoundPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "messages": return self.messages
        default: return nil
        }
    }
}

extension NotFoundPage.Message: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": return self.lang
        case "title": return self.title
        case "text": return self.text
        case "homeHref": return self.homeHref
        case "homeLabel": return self.homeLabel
        case "languageName": return self.languageName
        case "isFirst": return self.isFirst
        default: return nil
        }
    }
}

extension EventSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": return self.href
        case "title": return self.title
        case "titleLang": return self.titleLang
        case "dates": return self.dates
        case "datetime": return self.datetime
        case "status": return self.status
        case "statusClass": return self.statusClass
        case "isCancelled": return self.isCancelled
        case "area": return self.area
        case "milestone": return self.milestone
        default: return nil
        }
    }
}

extension AreaSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": return self.number
        case "numberLabel": return self.numberLabel
        case "href": return self.href
        case "title": return self.title
        case "titleLang": return self.titleLang
        default: return nil
        }
    }
}

extension DocumentSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": return self.href
        case "title": return self.title
        case "titleLang": return self.titleLang
        case "reference": return self.reference
        case "date": return self.date
        default: return nil
        }
    }
}

extension YearGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "year": return self.year
        case "events": return self.events
        default: return nil
        }
    }
}

extension Signatory: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "office": return self.office
        default: return nil
        }
    }
}

extension UIStrings: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "skipToContent": return self.skipToContent
        case "mainNavigation": return self.mainNavigation
        case "languageSwitcher": return self.languageSwitcher
        case "breadcrumb": return self.breadcrumb
        case "home": return self.home
        case "documents": return self.documents
        case "areas": return self.areas
        case "calendar": return self.calendar
        case "fallbackNotice": return self.fallbackNotice
        case "upcomingEvents": return self.upcomingEvents
        case "pastEvents": return self.pastEvents
        case "noUpcomingEvents": return self.noUpcomingEvents
        case "noEventsInArea": return self.noEventsInArea
        case "allEventsInCalendar": return self.allEventsInCalendar
        case "areasOfThePlan": return self.areasOfThePlan
        case "areasIntro": return self.areasIntro
        case "areaNumber": return self.areaNumber
        case "planMilestone": return self.planMilestone
        case "eventDetails": return self.eventDetails
        case "eventDate": return self.eventDate
        case "eventTime": return self.eventTime
        case "eventStatus": return self.eventStatus
        case "eventFormat": return self.eventFormat
        case "eventLocation": return self.eventLocation
        case "eventOrganizers": return self.eventOrganizers
        case "eventArea": return self.eventArea
        case "statusPlanned": return self.statusPlanned
        case "statusHeld": return self.statusHeld
        case "statusPostponed": return self.statusPostponed
        case "statusCancelled": return self.statusCancelled
        case "formatInPerson": return self.formatInPerson
        case "formatOnline": return self.formatOnline
        case "formatHybrid": return self.formatHybrid
        case "calendarTitle": return self.calendarTitle
        case "addToCalendar": return self.addToCalendar
        case "subscribeToCalendar": return self.subscribeToCalendar
        case "eventsFeed": return self.eventsFeed
        case "calendarIntro": return self.calendarIntro
        case "calendarYears": return self.calendarYears
        case "eventsInYear": return self.eventsInYear
        case "noEventsThisMonth": return self.noEventsThisMonth
        case "documentReference": return self.documentReference
        case "documentDate": return self.documentDate
        case "documentPlace": return self.documentPlace
        case "documentIssuer": return self.documentIssuer
        case "documentAddressee": return self.documentAddressee
        case "documentEnclosure": return self.documentEnclosure
        case "chooseLanguage": return self.chooseLanguage
        case "notFoundTitle": return self.notFoundTitle
        case "notFoundText": return self.notFoundText
        case "backToHome": return self.backToHome
        default: return nil
        }
    }
}
