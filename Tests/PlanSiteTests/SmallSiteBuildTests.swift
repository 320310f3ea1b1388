import Foundation
import XCTest
@testable import PlanSite

/// Builds a small trilingual site into a temp folder and inspects the pages.
final class SmallSiteBuildTests: SmallSiteTestCase {

    private var out: URL { output.url.appendingPathComponent("public") }

    private func page(_ path: String) -> String {
        (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func testEveryPageExistsInEveryLanguage() throws {
        let summary = try XCTUnwrap(build(content: content.url, output: out))
        let perLanguage = [
            "areas/index.html", "areas/one/index.html", "areas/two/index.html", "calendar/index.html",
            "documents/index.html", "documents/plan/index.html", "events/forum/index.html",
            "events/meeting/index.html", "events/milestone/index.html", "index.html",
            "areas/one/calendar.ics", "areas/two/calendar.ics", "calendar.ics", "feed.xml",
            "events/forum/event.ics", "events/meeting/event.ics", "events/milestone/event.ics",
            "progress/index.html", "progress.csv"
        ]
        let files = TemporaryFolder.list(out).filter { !$0.hasPrefix("assets/") }
        var expected = ["404.html", "index.html", ".plansite-output", "robots.txt", "sitemap.xml"]
        for language in ["en", "ru", "kk"] { expected += perLanguage.map { "\(language)/\($0)" } }
        XCTAssertEqual(files, expected.sorted())
        XCTAssertEqual(summary.pagesPerLanguage, ["en": 11, "ru": 11, "kk": 11])
        // style.css, progress.css, favicon.svg and preview.png.
        XCTAssertEqual(TemporaryFolder.list(out).filter { $0.hasPrefix("assets/") }.count, 4)
    }

    func testDraftsAreLeftOutUnlessAsked() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("en/events/hidden/index.html").path))
        _ = try XCTUnwrap(build(content: content.url, output: out, drafts: true))
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("en/events/hidden/index.html").path))
    }

    func testHtmlLangAlternatesAndSwitcher() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let ru = page("ru/events/meeting/index.html")
        XCTAssertTrue(ru.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"))
        for (code, href) in [("en", "en"), ("ru", "ru"), ("kk", "kk"), ("x-default", "en")] {
            XCTAssertTrue(
                ru.contains(
                    "<link rel=\"alternate\" hreflang=\"\(code)\" "
                        + "href=\"https://example.org/plan/\(href)/events/meeting/\">"
                ), code)
        }
        XCTAssertTrue(
            ru.contains(
                "<a href=\"/plan/kk/events/meeting/\" lang=\"kk\" "
                    + "hreflang=\"kk\">Қазақша</a>"))
        XCTAssertTrue(
            ru.contains(
                "<a href=\"/plan/ru/events/meeting/\" lang=\"ru\" hreflang=\"ru\" "
                    + "aria-current=\"true\">Русский</a>"))
    }

    func testFallbackTextIsMarkedAndAnnouncedInTheReadersLanguage() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        // kk falls back to ru for the meeting…
        let kk = page("kk/events/meeting/index.html")
        XCTAssertTrue(kk.contains("<html lang=\"kk\">"))
        XCTAssertTrue(kk.contains("<h1 lang=\"ru\">Встреча экспертов</h1>"))
        XCTAssertTrue(
            kk.contains(
                "Бұл мәтін әлі қазақ тіліне аударылмаған. "
                    + "Ол мына тілде берілген: <span lang=\"ru\">Русский</span>"))
        // …with menus and dates in Kazakh.
        XCTAssertTrue(kk.contains(">Күнтізбе</a>"))
        XCTAssertTrue(kk.contains("2025\u{202F}ж. 12 наурыз, 10:00–12:30"))
        // ru falls back to en for the forum, and kk goes past ru to en.
        XCTAssertTrue(page("ru/events/forum/index.html").contains("<h1 lang=\"en\">Forum</h1>"))
        XCTAssertTrue(page("kk/events/forum/index.html").contains("<span lang=\"en\">English</span>"))
        // No notice where the text exists.
        XCTAssertFalse(page("ru/events/meeting/index.html").contains("fallback-notice"))
    }

    func testDatesInEachLanguage() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertTrue(
            page("en/events/forum/index.html").contains(
                "<time datetime=\"2024-06-25\">25\u{2009}–\u{2009}27 June 2024</time>"))
        XCTAssertTrue(
            page("ru/events/forum/index.html").contains(
                "<time datetime=\"2024-06-25\">25—27 июня 2024\u{202F}г.</time>"))
        XCTAssertTrue(
            page("kk/events/forum/index.html").contains(
                "<time datetime=\"2024-06-25\">2024\u{202F}ж. 25–27 маусым</time>"))
        let timed = page("en/events/meeting/index.html")
        XCTAssertTrue(timed.contains("<time datetime=\"2025-03-12T10:00+05:00\">"), timed)
        XCTAssertTrue(timed.contains("12 March 2025, 10:00\u{2009}–\u{2009}12:30"))
        XCTAssertTrue(timed.contains("(GMT+05:00)"))
        XCTAssertTrue(
            page("en/documents/plan/index.html").contains(
                "<time datetime=\"2024-06-13\" lang=\"en\">13 June 2024</time>"))
    }

    func testCalendarMonthHeadingsUseTheStandaloneForm() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let en = page("en/calendar/index.html"), ru = page("ru/calendar/index.html"),
            kk = page("kk/calendar/index.html")
        XCTAssertTrue(en.contains(">March 2025</h3>"))
        XCTAssertTrue(ru.contains(">Март 2025\u{202F}г.</h3>"))
        XCTAssertTrue(ru.contains(">Июнь 2024\u{202F}г.</h3>"))
        XCTAssertFalse(ru.contains("марта 2025</h3>"))
        XCTAssertTrue(kk.contains(">2025\u{202F}ж. Наурыз</h3>"))
        // Every month of every year of the period is there; empty ones are marked compact.
        XCTAssertEqual(en.components(separatedBy: "<section class=\"month").count - 1, 24)
        XCTAssertEqual(en.components(separatedBy: "<section class=\"month empty-month\"").count - 1, 21)
    }

    func testAreaPageSplitsUpcomingAndPastByYear() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out, today: "2024-12-01"))
        let area = page("en/areas/one/index.html")
        let upcoming = try XCTUnwrap(area.range(of: "Upcoming events"))
        let past = try XCTUnwrap(area.range(of: "Past events"))
        XCTAssertTrue(upcoming.lowerBound < past.lowerBound)
        let meeting = try XCTUnwrap(area.range(of: "Expert meeting"))
        let forum = try XCTUnwrap(area.range(of: ">Forum<"))
        XCTAssertTrue(meeting.lowerBound > upcoming.lowerBound && meeting.lowerBound < past.lowerBound)
        XCTAssertTrue(forum.lowerBound > past.lowerBound)
        XCTAssertTrue(area.contains("<h3>2025</h3>") && area.contains("<h3>2024</h3>"))
    }

    func testPlanTableIsGeneratedFromAreas() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let plan = page("kk/documents/plan/index.html")
        XCTAssertTrue(
            plan.contains(
                "<tr lang=\"ru\"><th scope=\"col\">№</th>"
                    + "<th scope=\"col\">Мероприятия</th></tr>"))
        XCTAssertTrue(
            plan.contains("<tr><td>1.</td><td><a href=\"/plan/kk/areas/one/\" lang=\"en\">Area One</a></td></tr>"))
        XCTAssertTrue(
            plan.contains(
                "<tr><td>2.</td><td><a href=\"/plan/kk/areas/two/\" lang=\"ru\">"
                    + "Направление два</a></td></tr>"))
        XCTAssertTrue(plan.contains("<h2 id=\"договорились\">Договорились</h2>"))
    }

    func testCrossReferencesPointToTheReadersLanguage() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertTrue(page("en/index.html").contains("<a href=\"/plan/en/documents/plan/\">the plan</a>"))
        // kk shows ru's home text, but its links stay on kk pages.
        XCTAssertTrue(page("kk/index.html").contains("<a href=\"/plan/kk/documents/plan/\">план</a>"))
        XCTAssertTrue(
            page("en/documents/plan/index.html").contains("<a href=\"/plan/en/events/meeting/#details\">event</a>"))
    }

    func testBaseURLOptionMovesEveryLink() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out, baseURL: "https://host.example/sub/path"))
        let home = page("en/index.html")
        XCTAssertTrue(home.contains("href=\"/sub/path/assets/style."))
        XCTAssertTrue(home.contains("<a href=\"/sub/path/en/documents/plan/\">the plan</a>"))
        XCTAssertTrue(home.contains("hreflang=\"ru\" href=\"https://host.example/sub/path/ru/\""))
        XCTAssertFalse(home.contains("\"/plan/"))
    }

    func testTwoBuildsAreByteIdentical() throws {
        let second = TemporaryFolder()
        _ = try XCTUnwrap(build(content: content.url, output: out))
        _ = try XCTUnwrap(build(content: content.url, output: second.url.appendingPathComponent("public")))
        let files = TemporaryFolder.list(out)
        XCTAssertEqual(files, TemporaryFolder.list(second.url.appendingPathComponent("public")))
        for file in files {
            let a = try Data(contentsOf: out.appendingPathComponent(file))
            let b = try Data(contentsOf: second.url.appendingPathComponent("public/" + file))
            XCTAssertEqual(a, b, file)
        }
    }

    func testFrontMatterValuesAreEscaped() throws {
        content.write([
            "events/2025/meeting/en.md":
                "---\ntitle: \"<script>alert('x')</script> & Co\"\nlocation: '\"><img src=x onerror=alert(1)>'\n---\n"
                + "Body <script>bad()</script>\n"
                + "\n## Details\n"
        ])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let html = page("en/events/meeting/index.html")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
        XCTAssertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // The one script element is the builder's JSON-LD, where `<` is written `\u003c`.
        XCTAssertEqual(html.components(separatedBy: "<script").count, 2)
        XCTAssertTrue(html.contains("<script type=\"application/ld+json\">{"))
        XCTAssertTrue(html.contains("\"name\":\"\\u003cscript\\u003ealert('x')\\u003c/script\\u003e \\u0026 Co\""))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(page("en/calendar/index.html").contains("<script"))
    }

    func testLanguageChooserAndNotFoundPage() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let chooser = page("index.html")
        for code in ["en", "ru", "kk"] {
            XCTAssertTrue(
                chooser.contains(
                    "<link rel=\"alternate\" hreflang=\"\(code)\" href=\"https://example.org/plan/\(code)/\">"), code)
            XCTAssertTrue(
                chooser.contains("<li lang=\"\(code)\">\n<a href=\"/plan/\(code)/\" hreflang=\"\(code)\">"), code)
        }
        XCTAssertTrue(
            chooser.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/plan/\">"))
        XCTAssertFalse(chooser.contains("aria-current"))
        let notFound = page("404.html")
        XCTAssertFalse(notFound.contains("rel=\"canonical\""))
        let notFoundHeading = "<section class=\"not-found\" lang=\"ru\">\n<h2>Страница не найдена</h2>"
        XCTAssertTrue(notFound.contains(notFoundHeading))
        XCTAssertTrue(notFound.contains("<a href=\"/plan/kk/\" hreflang=\"kk\">Басты бетке өту</a>"))
    }
}
