import Foundation

/// `LANG/feed.xml` (RFC 4287): one entry per event, most recently changed first. Ids are tag
/// URIs (RFC 4151) built from the host, the plan's first year and the slug the event was first
/// published under (`Event.firstSlug`), so they stay the same from build to build and when the
/// event is renamed.
extension RenderContext {
    /// `entries`: the site's events, newest change first (`newestChangeFirst`).
    func atomFeed(language: String, entries: [Event]) throws -> String {
        String(decoding: try atomFeedBytes(language: language, entries: entries), as: UTF8.self)
    }

    func atomFeedBytes(language: String, entries: [Event]) throws -> [UInt8] {
        let t = strings(language)
        let siteTitle = config.title.value(in: config.fallbackChain(for: language))?.text ?? ""
        let updated = entries.first?.lastChanged ?? planOpening
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(language))">
            <id>\(XMLText.escape(tagURI("\(language)/feed")))</id>
            <title>\(XMLText.escape("\(siteTitle) – \(t.calendarTitle)"))</title>
            <updated>\(UTCTimestamp.rfc3339(updated))</updated>
            <link rel="self" type="application/atom+xml" href="\(XMLText.escape(absolute(routes.feed(language))))"/>
            <link rel="alternate" type="text/html" href="\(XMLText.escape(absolute(routes.calendar(language))))"/>
            <author><name>\(XMLText.escape(siteTitle))</name></author>
            <generator>PlanSite</generator>

            """
        var bytes = Array(xml.utf8)
        try feedFragments.withFragments(language, render: { try feedFragments(of: $0, language: language) }) { filled in
            let indices = entries.indices.map { feedFragments.index(ofFolder: entries[$0].folder) }
            bytes.reserveCapacity(bytes.count + FeedFragments.Filled.size(of: filled.feed, at: indices) + 4096)
            for position in entries.indices {
                if let index = indices[position] {
                    bytes.append(contentsOf: filled.bytes(filled.feed[index]))
                } else {
                    bytes.append(contentsOf: atomEntry(entries[position], language: language).utf8)
                }
            }
        }
        bytes.append(contentsOf: "</feed>\n".utf8)
        return bytes
    }

    func atomEntry(_ event: Event, language: String) -> String {
        let chosen = config.choose(event.texts, for: language)!
        let text = chosen.text
        let lang = XMLText.escape(chosen.language)
        let dates = dateFormatting(language).eventDates(event)
        let summary = [dates, text.location, text.summary ?? text.body.firstParagraph].compactMap { $0 }
            .joined(separator: " · ")
        var entry = """
            <entry>
            <id>\(XMLText.escape(tagURI("events/\(event.firstSlug)/\(language)")))</id>
            <title xml:lang="\(lang)">\(XMLText.escape(text.title))</title>
            <updated>\(UTCTimestamp.rfc3339(event.lastChanged))</updated>
            <link rel="alternate" type="text/html"\
             href="\(XMLText.escape(absolute(routes.event(event.slug, language))))"/>

            """
        if let category = categoryName(event, language: language) {
            entry +=
                "<category term=\"\(XMLText.escape(event.area ?? "milestone"))\" "
                + "label=\"\(XMLText.escape(category.text))\"/>\n"
        }
        entry += "<summary xml:lang=\"\(lang)\">\(XMLText.escape(summary))</summary>\n</entry>\n"
        return entry
    }

    /// The events, most recently changed first (then by slug): the feeds' order. Each event's
    /// time of change is worked out once, not at every comparison of the sort.
    static func newestChangeFirst(_ events: [Event]) -> [Event] {
        let changed = events.map(\.lastChanged)
        let order = events.indices.sorted { a, b in
            if changed[a] != changed[b] { return changed[a] > changed[b] }
            return events[a].slug < events[b].slug
        }
        return order.map { events[$0] }
    }

    /// `tag:example.org,2024:plansite/...`
    func tagURI(_ specific: String) -> String {
        return "tag:\(host),\(config.period.lowerBound):plansite/\(specific)"
    }

    /// 1 January of the plan's first year: the feed's date while it has no entries.
    var planOpening: Date {
        DateFormatting.instant(
            EventTime(date: CalendarDate(year: config.period.lowerBound, month: 1, day: 1)),
            in: TimeZone(identifier: "UTC")!)
    }
}
