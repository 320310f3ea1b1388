import Foundation

/// The `.ics` files: every event of a language, one area's events, or one event. The same
/// event has the same UID in every file and every language, so a client that subscribes to
/// two of them, or to two languages, sees one event.
extension RenderContext {
    /// - Parameter wholeBodies: DESCRIPTION holds the whole body as plain text (the one-event
    ///   file); otherwise the summary or first paragraph and the page's address, which keeps a
    ///   subscribed calendar of thousands of events small enough for calendar apps to fetch.
    func iCalendarBytes(_ events: [Event], language: String, name: String, wholeBodies: Bool = false) throws -> [UInt8]
    {
        var lines = ICalendarLines()
        lines.begin("VCALENDAR")
        lines.add("VERSION", "2.0")
        lines.add("PRODID", "-//PlanSite//PlanSite//EN")
        lines.add("CALSCALE", "GREGORIAN")
        lines.addText("NAME", name, parameters: [("LANGUAGE", language)])
        lines.addText("X-WR-CALNAME", name)
        // Subscribers poll once a day (RFC 7986 and the older Outlook/Apple property).
        lines.add("REFRESH-INTERVAL", "P1D", parameters: [("VALUE", "DURATION")])
        lines.add("X-PUBLISHED-TTL", "P1D")
        var zoneYears: [String: (TimeZone, ClosedRange<Int>)] = [:]
        // By position, here and below: a calendar lists thousands of events, and a loop over
        // the events themselves copies each one.
        for index in events.indices where events[index].start.isTimed {
            let years = events[index].start.date.year...events[index].lastDay.year
            let zone = events[index].timezone
            let known = zoneYears[zone.identifier]?.1
            let merged =
                known.map { min($0.lowerBound, years.lowerBound)...max($0.upperBound, years.upperBound) } ?? years
            zoneYears[zone.identifier] = (zone, merged)
        }
        for identifier in zoneYears.keys.sorted() {
            let (zone, years) = zoneYears[identifier]!
            VTimeZone.add(zone, years: years, to: &lines)
        }
        if wholeBodies {
            for event in events { try addEvent(event, language: language, wholeBody: true, to: &lines) }
        } else {
            try feedFragments.withFragments(language, render: { try feedFragments(of: $0, language: language) }) {
                filled in
                let indices = events.indices.map { feedFragments.index(ofFolder: events[$0].folder, likely: $0) }
                lines.reserveCapacity(FeedFragments.Filled.size(of: filled.calendar, at: indices) + 4096)
                for position in events.indices {
                    if let index = indices[position] {
                        lines.append(encoded: filled.bytes(filled.calendar[index]))
                    } else {
                        try addEvent(events[position], language: language, wholeBody: false, to: &lines)
                    }
                }
            }
        }
        lines.end("VCALENDAR")
        return lines.encoded
    }

    /// The site's event at `index` as it appears in the language's calendars (its VEVENT) and
    /// feed (its entry): see `FeedFragments`.
    func feedFragments(of index: Int, language: String) throws -> (calendar: [UInt8], feed: [UInt8]) {
        let event = site.events[index]
        var lines = ICalendarLines()
        try addEvent(event, language: language, wholeBody: false, to: &lines)
        return (lines.encoded, Array(atomEntry(event, language: language).utf8))
    }

    /// "CICA-SCO Action Plan 2024-2029 – Calendar of events", or the area's title in place of the calendar's.
    func calendarName(_ language: String, area: Area? = nil) -> String {
        let siteTitle = config.title.value(in: config.fallbackChain(for: language))?.text ?? ""
        let part =
            area.flatMap { config.choose($0.texts, for: language)?.text.title } ?? strings(language).calendarTitle
        return "\(siteTitle) – \(part)"
    }

    /// `slug@host`, from the slug the event was first published under: stable across builds,
    /// languages and files, and when the event is renamed (`Event.firstSlug`).
    func eventUID(_ event: Event) -> String {
        return "\(event.firstSlug)@\(host)"
    }

    private func addEvent(_ event: Event, language: String, wholeBody: Bool, to lines: inout ICalendarLines) throws {
        let chosen = config.choose(event.texts, for: language)!
        let text = chosen.text
        let lang = [("LANGUAGE", chosen.language)]
        lines.begin("VEVENT")
        lines.addText("UID", eventUID(event))
        let changed = UTCTimestamp.iCalendar(event.lastChanged)
        lines.add("DTSTAMP", changed)
        lines.add("LAST-MODIFIED", changed)
        lines.add("SEQUENCE", String(event.sequence))
        lines.addText("SUMMARY", text.title, parameters: lang)
        if let minutes = event.start.minuteOfDay {
            let zone = [("TZID", event.timezone.identifier)]
            lines.add("DTSTART", localDateTime(event.start.date, minutes), parameters: zone)
            if let end = event.end, let endMinutes = end.minuteOfDay {
                lines.add("DTEND", localDateTime(end.date, endMinutes), parameters: zone)
            }
        } else {
            // All-day: DTEND is the day after the last day (exclusive, §3.6.1).
            lines.add("DTSTART", event.start.date.basic, parameters: [("VALUE", "DATE")])
            lines.add("DTEND", event.lastDay.next.basic, parameters: [("VALUE", "DATE")])
        }
        if let location = text.location {
            lines.addText("LOCATION", location, parameters: lang)
        }
        let page = absolute(routes.event(event.slug, language))
        if wholeBody {
            // The body's plain text as bytes, escaped straight into the line.
            let plain = try document(of: text.body).plainTextUTF8
            if !plain.isEmpty {
                plain.withUnsafeBufferPointer { lines.addText("DESCRIPTION", utf8: $0, parameters: lang) }
            } else if let summary = text.summary, !summary.isEmpty {
                lines.addText("DESCRIPTION", summary, parameters: lang)
            }
        } else {
            let description = [text.summary ?? text.body.firstParagraph, page].compactMap { $0 }
                .joined(separator: "\n\n")
            if !description.isEmpty {
                lines.addText("DESCRIPTION", description, parameters: lang)
            }
        }
        lines.add("URL", page, parameters: [("VALUE", "URI")])
        // The downloads, by their address (RFC 5545 3.8.1.1: a URI, its media type in FMTTYPE).
        for attachment in attachments(folder: event.folder, event.media, language: language) {
            lines.add("ATTACH", absolute(attachment.href), parameters: [("FMTTYPE", attachment.mimeType)])
        }
        if let category = categoryName(event, language: language) {
            lines.addText("CATEGORIES", category.text, parameters: [("LANGUAGE", category.language)])
        }
        lines.add("STATUS", event.status.iCalendarStatus)
        lines.end("VEVENT")
    }

    /// The area's name, or "Plan milestone" for an event of no area.
    func categoryName(_ event: Event, language: String) -> (text: String, language: String)? {
        guard let slug = event.area else { return (strings(language).planMilestone, language) }
        guard let area = area(slug), let chosen = config.choose(area.texts, for: language) else { return nil }
        return (chosen.text.title, chosen.language)
    }

    private func localDateTime(_ date: CalendarDate, _ minutes: Int) -> String {
        date.basic + "T" + CalendarDate.pad(minutes / 60, 2) + CalendarDate.pad(minutes % 60, 2) + "00"
    }

    /// `webcal://host/path`: the address calendar apps open as a subscription.
    func webcal(_ path: String) -> String {
        let url = absolute(path)
        guard let colon = url.firstIndex(of: ":") else { return url }
        return "webcal" + url[colon...]
    }
}
