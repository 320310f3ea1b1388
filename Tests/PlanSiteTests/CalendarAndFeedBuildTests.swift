import Foundation
import XCTest
@testable import PlanSite

/// Builds the `calendar-cases` fixture (timed, all-day, multi-day, cancelled, postponed and
/// cross-midnight events, long Cyrillic titles) and reads the calendars, feeds, sitemap and
/// JSON-LD it writes. `scripts/check_feeds.py` checks the same files with real clients in CI.
final class CalendarAndFeedBuildTests: XCTestCase {
    var output: TemporaryFolder!

    override func setUpWithError() throws {
        output = TemporaryFolder()
        _ = try XCTUnwrap(
            build(content: Fixtures.calendarCases.url, output: out, baseURL: "https://host.example/plan/"))
    }

    private var out: URL { output.url.appendingPathComponent("public") }

    private func file(_ path: String) -> String {
        (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// The unfolded content lines of an .ics file.
    private func contentLines(_ path: String) -> [String] {
        file(path).replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    private func event(_ uid: String, in path: String) -> [String] {
        let lines = contentLines(path)
        guard let start = lines.firstIndex(of: "UID:\(uid)") else { return [] }
        let end = lines[start...].firstIndex(of: "END:VEVENT")!
        return Array(lines[start..<end])
    }

    func testEveryCalendarFileIsWritten() {
        let files = TemporaryFolder.list(out).filter { $0.hasSuffix(".ics") }
        var expected: [String] = []
        for language in ["en", "ru", "kk"] {
            expected += ["\(language)/calendar.ics", "\(language)/areas/security/calendar.ics"]
            for slug in [
                "night-session", "single-day", "year-end-workshop", "cancelled-meeting", "long-titles",
                "new-york-briefing"
            ] {
                expected.append("\(language)/events/\(slug)/event.ics")
            }
        }
        XCTAssertEqual(files, expected.sorted())
        // The area's calendar holds its four events only.
        XCTAssertEqual(contentLines("en/areas/security/calendar.ics").filter { $0.hasPrefix("UID:") }.count, 4)
    }

    func testAllDayEventsUseDatesWithAnExclusiveEnd() {
        let workshop = event("year-end-workshop@host.example", in: "en/calendar.ics")
        XCTAssertTrue(workshop.contains("DTSTART;VALUE=DATE:20251230"))
        XCTAssertTrue(workshop.contains("DTEND;VALUE=DATE:20260103"))
        let single = event("single-day@host.example", in: "en/calendar.ics")
        XCTAssertTrue(single.contains("DTSTART;VALUE=DATE:20241115"))
        XCTAssertTrue(single.contains("DTEND;VALUE=DATE:20241116"))
        XCTAssertTrue(single.contains("STATUS:CONFIRMED"))
    }

    func testTimedEventsCarryTheirZone() {
        let night = event("night-session@host.example", in: "en/calendar.ics")
        XCTAssertTrue(night.contains("DTSTART;TZID=Asia/Almaty:20240229T230000"))
        XCTAssertTrue(night.contains("DTEND;TZID=Asia/Almaty:20240301T013000"))
        let calendar = contentLines("en/calendar.ics")
        XCTAssertEqual(calendar.filter { $0.hasPrefix("TZID:") }, ["TZID:America/New_York", "TZID:Asia/Almaty"])
        // The single-event file of an all-day event needs no VTIMEZONE.
        XCTAssertFalse(file("en/events/single-day/event.ics").contains("VTIMEZONE"))
    }

    func testStatusSequenceAndStampsComeFromTheContent() {
        let briefing = event("new-york-briefing@host.example", in: "en/calendar.ics")
        XCTAssertTrue(briefing.contains("STATUS:TENTATIVE"))
        XCTAssertTrue(briefing.contains("SEQUENCE:1"))
        // updated: "2026-01-15 12:00" in New York is 17:00 UTC.
        XCTAssertTrue(briefing.contains("DTSTAMP:20260115T170000Z"))
        XCTAssertTrue(event("cancelled-meeting@host.example", in: "en/calendar.ics").contains("STATUS:CANCELLED"))
        // Without `updated`, the start: midnight of 10 June 2025 in Almaty (UTC+5).
        XCTAssertTrue(
            event("cancelled-meeting@host.example", in: "en/calendar.ics").contains("DTSTAMP:20250609T190000Z"))
    }

    func testTextIsEscapedAndLanguageTagged() {
        let long = event("long-titles@host.example", in: "ru/calendar.ics")
        let summary = long.first { $0.hasPrefix("SUMMARY") } ?? ""
        XCTAssertTrue(summary.hasPrefix("SUMMARY;LANGUAGE=ru:Международная конференция"))
        let cooperation =
            #"взаимодействия\, укрепления доверия\; "#
            + #"сотрудничества"#
        XCTAssertTrue(summary.contains(cooperation))
        XCTAssertTrue(summary.contains(#"в Азии \\ с участием"#))
        // Kazakh falls back to Russian for the area's name, and says so.
        let category = event("long-titles@host.example", in: "kk/calendar.ics").first { $0.hasPrefix("CATEGORIES") }
        XCTAssertEqual(
            category,
            #"CATEGORIES;LANGUAGE=ru:Безопасность\, сотрудничество\; "#
                + #"и «доверие» & меры укрепления доверия в Азии"#)
    }

    func testOneEventFileHasTheWholeBodyAndCalendarsTheSummary() {
        let single = event("year-end-workshop@host.example", in: "en/events/year-end-workshop/event.ics")
        XCTAssertTrue(single.contains(#"DESCRIPTION;LANGUAGE=en:A multi-day workshop.\n\nfirst item\n\nsecond item"#))
        let listed = event("year-end-workshop@host.example", in: "en/calendar.ics")
        XCTAssertTrue(
            listed.contains(
                #"DESCRIPTION;LANGUAGE=en:Four days\, from 30 December to 2 January.\n\n"#
                    + #"https://host.example/plan/en/events/year-end-workshop/"#
            ))
        // Without a summary, the first paragraph.
        let night = event("night-session@host.example", in: "ru/areas/security/calendar.ics")
        XCTAssertTrue(
            night.contains(
                #"DESCRIPTION;LANGUAGE=ru:Начинается 29 февраля "#
                    + #"и заканчивается 1 марта.\n\n"#
                    + #"https://host.example/plan/ru/events/night-session/"#
            ))
    }

    func testUIDsAreTheSameInEveryLanguageAndFile() {
        func uids(_ path: String) -> [String] { contentLines(path).filter { $0.hasPrefix("UID:") }.sorted() }
        XCTAssertEqual(uids("en/calendar.ics").count, 6)
        XCTAssertEqual(uids("en/calendar.ics"), uids("ru/calendar.ics"))
        XCTAssertEqual(uids("en/calendar.ics"), uids("kk/calendar.ics"))
        XCTAssertEqual(uids("kk/events/night-session/event.ics"), ["UID:night-session@host.example"])
    }

    func testEveryAbsoluteURLIsUnderTheBaseURL() throws {
        let pattern = try NSRegularExpression(pattern: #"(https?|webcal)://[^\s"<>]+"#)
        for path in TemporaryFolder.list(out) where [".ics", ".xml", ".txt", ".html"].contains(where: path.hasSuffix) {
            let text = file(path).replacingOccurrences(of: "\r\n ", with: "")
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let url = String(text[Range(match.range, in: text)!])
                let allowed = [
                    "https://host.example/plan/", "webcal://host.example/plan/", "https://schema.org",
                    "http://www.w3.org/", "http://www.sitemaps.org/"
                ]
                XCTAssertTrue(allowed.contains(where: url.hasPrefix), "\(path): \(url)")
            }
        }
    }

    func testAtomFeedIsNewestChangeFirst() {
        let feed = file("en/feed.xml")
        let ids = feed.components(separatedBy: "<id>").dropFirst(2).map { $0.components(separatedBy: "</id>")[0] }
        XCTAssertEqual(
            ids,
            [
                "tag:host.example,2024:plansite/events/new-york-briefing/en",
                "tag:host.example,2024:plansite/events/year-end-workshop/en",
                "tag:host.example,2024:plansite/events/long-titles/en",
                "tag:host.example,2024:plansite/events/cancelled-meeting/en",
                "tag:host.example,2024:plansite/events/single-day/en",
                "tag:host.example,2024:plansite/events/night-session/en"
            ])
        XCTAssertTrue(feed.contains("<updated>2026-01-15T17:00:00Z</updated>\n<link rel=\"self\""))
        XCTAssertTrue(
            feed.contains(
                "Briefing at the United Nations &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
    }

    func testEveryPageLinksItsLanguagesFeed() {
        for path in TemporaryFolder.list(out) where path.hasSuffix(".html") && path.contains("/") {
            let language = String(path.prefix(2))
            XCTAssertTrue(
                file(path).contains(
                    "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/plan/\(language)/feed.xml\""), path)
        }
    }

    func testSitemapListsEveryLanguagesPageWithAlternates() {
        let sitemap = file("sitemap.xml")
        XCTAssertEqual(sitemap.components(separatedBy: "<url>").count - 1, 3 * 13 + 1)
        XCTAssertTrue(
            sitemap.contains(
                """
                <url>
                <loc>https://host.example/plan/kk/events/single-day/</loc>
                <xhtml:link rel="alternate" hreflang="en" href="https://host.example/plan/en/events/single-day/"/>
                <xhtml:link rel="alternate" hreflang="ru" href="https://host.example/plan/ru/events/single-day/"/>
                <xhtml:link rel="alternate" hreflang="kk" href="https://host.example/plan/kk/events/single-day/"/>
                <xhtml:link rel="alternate" hreflang="x-default"\
                 href="https://host.example/plan/en/events/single-day/"/>
                </url>
                """))
        XCTAssertEqual(
            file("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://host.example/plan/sitemap.xml\n")
    }

    func testEventPagesCarrySchemaOrgEvents() throws {
        func data(_ path: String) throws -> [String: Any] {
            let html = file(path)
            let start = try XCTUnwrap(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try XCTUnwrap(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            let json = Data(html[start.upperBound..<end.lowerBound].utf8)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        }
        let briefing = try data("en/events/new-york-briefing/index.html")
        XCTAssertEqual(
            briefing["name"] as? String, "Briefing at the United Nations </script><script>alert(1)</script> & more")
        XCTAssertEqual(briefing["startDate"] as? String, "2026-03-07T16:00:00-05:00")
        XCTAssertEqual(briefing["endDate"] as? String, "2026-03-08T10:00:00-04:00")
        XCTAssertEqual(briefing["eventStatus"] as? String, "https://schema.org/EventPostponed")
        XCTAssertEqual(briefing["eventAttendanceMode"] as? String, "https://schema.org/OfflineEventAttendanceMode")
        XCTAssertEqual(briefing["url"] as? String, "https://host.example/plan/en/events/new-york-briefing/")
        XCTAssertEqual(briefing["inLanguage"] as? String, "en")

        let night = try data("ru/events/night-session/index.html")
        XCTAssertEqual(night["startDate"] as? String, "2024-02-29T23:00:00+06:00")
        XCTAssertEqual(night["endDate"] as? String, "2024-03-01T01:30:00+05:00")
        XCTAssertEqual(night["inLanguage"] as? String, "ru")
        XCTAssertEqual((night["location"] as? [String: String])?["name"], "Алматы, Казахстан")

        // A held event in the past stays EventScheduled; kk falls back to en for its text.
        let single = try data("kk/events/single-day/index.html")
        XCTAssertEqual(single["eventStatus"] as? String, "https://schema.org/EventScheduled")
        XCTAssertEqual(single["inLanguage"] as? String, "en")
        XCTAssertEqual(single["endDate"] as? String, "2024-11-15")

        let online = try data("en/events/long-titles/index.html")
        XCTAssertEqual((online["location"] as? [String: String])?["@type"], "VirtualLocation")
        XCTAssertEqual(
            try data("en/events/cancelled-meeting/index.html")["eventStatus"] as? String,
            "https://schema.org/EventCancelled")
    }

    func testEventAndAreaPagesOfferCalendarLinks() {
        let event = file("ru/events/night-session/index.html")
        XCTAssertTrue(
            event.contains("<a href=\"/plan/ru/events/night-session/event.ics\" download type=\"text/calendar\">"))
        XCTAssertTrue(event.contains("<a href=\"webcal://host.example/plan/ru/calendar.ics\">"))
        let area = file("en/areas/security/index.html")
        XCTAssertTrue(
            area.contains("<a href=\"/plan/en/areas/security/calendar.ics\" download type=\"text/calendar\">"))
        XCTAssertTrue(area.contains("<a href=\"webcal://host.example/plan/en/areas/security/calendar.ics\">"))
    }
}
