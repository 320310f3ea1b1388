import PlanMedia

/// The words of the interface in one language, read from `theme/i18n/LANG.yaml`.
/// Every key must be present in every language: a missing one fails the build with its name.
public final class UIStrings: Codable, Sendable {
    public let skipToContent: String
    public let mainNavigation: String
    public let languageSwitcher: String
    public let breadcrumb: String
    public let home: String
    public let documents: String
    public let areas: String
    public let calendar: String
    /// Shown before the name of the language a fallback text is in.
    public let fallbackNotice: String
    public let upcomingEvents: String
    public let pastEvents: String
    public let noUpcomingEvents: String
    public let noEventsInArea: String
    public let allEventsInCalendar: String
    public let areasOfThePlan: String
    public let areasIntro: String
    /// `{number}` is replaced by the area's row in the plan's table.
    public let areaNumber: String
    public let planMilestone: String
    public let eventDetails: String
    public let eventDate: String
    public let eventTime: String
    public let eventStatus: String
    public let eventFormat: String
    public let eventLocation: String
    public let eventOrganizers: String
    public let eventArea: String
    public let statusPlanned: String
    public let statusHeld: String
    public let statusPostponed: String
    public let statusCancelled: String
    public let formatInPerson: String
    public let formatOnline: String
    public let formatHybrid: String
    public let calendarTitle: String
    public let addToCalendar: String
    public let subscribeToCalendar: String
    public let eventsFeed: String
    public let eventsByYear: String
    public let calendarIntro: String
    public let calendarYears: String
    /// `{count}` is replaced by the number of events in the year.
    public let eventsInYear: String
    public let noEventsThisMonth: String
    public let documentReference: String
    public let documentDate: String
    public let documentPlace: String
    public let documentIssuer: String
    public let documentAddressee: String
    public let documentEnclosure: String
    public let chooseLanguage: String
    public let notFoundTitle: String
    public let notFoundText: String
    public let backToHome: String
    // The progress page (issue 21).
    /// Its menu entry.
    public let progress: String
    public let progressTitle: String
    /// `{date}` is replaced by the build's "today".
    public let progressAsOf: String
    /// `{events}`, `{active}` and `{areas}`: the events, the areas with events, all areas.
    /// Worded so that it holds for any count (no plural forms to choose).
    public let progressSummary: String
    /// `{count}` is replaced by the number of events in the status.
    public let progressHeld: String
    public let progressPlanned: String
    public let progressPostponed: String
    public let progressCancelled: String
    public let progressChartCaption: String
    public let progressTableCaption: String
    public let progressArea: String
    public let progressTotal: String
    public let progressMilestones: String
    public let progressToday: String
    public let progressDownload: String
    /// The plan's table of areas, when its text names no headings (`areasTable`).
    public let areasTableNumber: String
    public let areasTableTitle: String
    /// Before the languages whose texts of a document are originals (`authentic`).
    public let authenticTexts: String
    /// At a renamed item's old address.
    public let pageMovedTitle: String
    public let pageMovedText: String
    /// Above an item's downloads (`attachments`).
    public let downloads: String
    /// The kinds of download, as "PDF, 1.2 MB" names them (`AttachmentKind`).
    public let filePDF: String
    public let fileWord: String
    public let fileExcel: String
    public let filePowerPoint: String
    public let fileOpenDocumentText: String
    public let fileOpenDocumentSpreadsheet: String
    public let fileOpenDocumentPresentation: String
    public let fileCSV: String
    public let fileText: String
    public let fileZIP: String

    /// The reader's name of a kind of download.
    func name(of kind: AttachmentKind) -> String {
        switch kind {
        case .pdf: filePDF
        case .word: fileWord
        case .excel: fileExcel
        case .powerPoint: filePowerPoint
        case .openDocumentText: fileOpenDocumentText
        case .openDocumentSpreadsheet: fileOpenDocumentSpreadsheet
        case .openDocumentPresentation: fileOpenDocumentPresentation
        case .csv: fileCSV
        case .text: fileText
        case .zip: fileZIP
        }
    }

    /// Every key, for the check that each language file has them all and nothing else.
    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case skipToContent, mainNavigation, languageSwitcher, breadcrumb, home, documents
        case areas, calendar, fallbackNotice, upcomingEvents, pastEvents
        case noUpcomingEvents, noEventsInArea, allEventsInCalendar, areasOfThePlan, areasIntro
        case areaNumber, planMilestone, eventDetails, eventDate, eventTime
        case eventStatus, eventFormat, eventLocation, eventOrganizers, eventArea
        case statusPlanned, statusHeld, statusPostponed, statusCancelled, formatInPerson
        case formatOnline, formatHybrid, calendarTitle, addToCalendar, subscribeToCalendar, eventsFeed, eventsByYear
        case calendarIntro, calendarYears
        case eventsInYear, noEventsThisMonth, documentReference, documentDate, documentPlace
        case documentIssuer, documentAddressee, documentEnclosure, chooseLanguage, notFoundTitle
        case notFoundText, backToHome
        case progress, progressTitle, progressAsOf, progressSummary, progressHeld, progressPlanned
        case progressPostponed, progressCancelled, progressChartCaption, progressTableCaption, progressArea
        case progressTotal, progressMilestones, progressToday, progressDownload
        case areasTableNumber, areasTableTitle, authenticTexts, pageMovedTitle, pageMovedText
        case downloads, filePDF, fileWord, fileExcel, filePowerPoint, fileOpenDocumentText
        case fileOpenDocumentSpreadsheet, fileOpenDocumentPresentation, fileCSV, fileText, fileZIP
    }
}
