import Foundation
import XCTest
@testable import PlanSite

/// Builds the project's real `content/` and checks what the seed document says is on the pages.
final class RealContentTests: XCTestCase {
    // One build per test keeps the tests independent; it takes a fraction of a second.
    var output: TemporaryFolder!

    private var out: URL { output.url.appendingPathComponent("public") }

    override func setUpWithError() throws {
        output = TemporaryFolder()
        _ = try XCTUnwrap(build(content: Package.content, output: out, today: "2024-06-01"))
    }

    // XCTest on Linux never frees a test case: what it holds must be let go here, or its
    // temporary folders stay on disk (found by AddressSanitizer's leak check, issue 5).
    override func tearDown() {
        output = nil
    }

    private func page(_ path: String) -> String {
        (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    static let areaSlugs = [
        "cybercrime", "sports", "radicalization-and-terrorism", "narcotic-drugs",
        "un-general-assembly", "environment", "disaster-management", "energy"
    ]

    func testEveryLanguageHasTheSamePages() {
        let all = TemporaryFolder.list(out)
        let en = all.filter { $0.hasPrefix("en/") }.map { String($0.dropFirst(3)) }
        XCTAssertEqual(en.filter { $0.hasSuffix(".html") }.count, 18)
        // A calendar per area and per event, the language's calendar, its feed and progress.csv.
        XCTAssertEqual(en.filter { !$0.hasSuffix(".html") }.count, 8 + 2 + 2 + 1)
        XCTAssertEqual(all.filter { $0.hasPrefix("ru/") }.map { String($0.dropFirst(3)) }, en)
        XCTAssertEqual(all.filter { $0.hasPrefix("kk/") }.map { String($0.dropFirst(3)) }, en)
        XCTAssertTrue(all.contains("index.html") && all.contains("404.html"))
    }

    func testThePlanShowsItsApprovalBlockAndTheGeneratedTableOfAreas() {
        let plan = page("en/documents/plan/index.html")
        for text in [
            "Kairat Sarybay", "Zhang Ming", "APPROVED",
            "Secretary General of the Conference on Interaction and Confidence Building Measures in Asia",
            "Secretary-General of the Shanghai Cooperation Organisation", "Have agreed:"
        ] {
            XCTAssertTrue(plan.contains(text), text)
        }
        let rows = plan.components(separatedBy: "<tr><td>").dropFirst()
        XCTAssertEqual(rows.count, 8)
        for (index, row) in rows.enumerated() {
            XCTAssertTrue(
                row.hasPrefix("\(index + 1).</td><td><a href=\"/plan/en/areas/\(Self.areaSlugs[index])/\""), row)
        }
        XCTAssertTrue(
            plan.contains(">Joint events on natural disaster management and human involved disaster management</a>"))
        let ru = page("ru/documents/plan/index.html")
        XCTAssertTrue(
            ru.contains("Кайрат Сарыбай") && ru.contains("Чжан Мин")
                && ru.contains("УТВЕРЖДАЮ"))
        XCTAssertTrue(
            ru.contains(
                ">Проведение совместных мероприятий на "
                    + "“полях” Генеральной Ассамблеи ООН</a>"))
    }

    func testKazakhPlanFallsBackToRussian() {
        let kk = page("kk/documents/plan/index.html")
        XCTAssertTrue(kk.contains("<html lang=\"kk\">"))
        XCTAssertTrue(kk.contains("<article class=\"document\" lang=\"ru\">"))
        XCTAssertTrue(kk.contains("<span lang=\"ru\">Русский</span>"))
        // The plan is authentic in English and Russian: a Kazakh reader is told so, under the title.
        let note =
            "<p class=\"authentic-texts\" lang=\"kk\">Түпнұсқа мәтіндер:\n"
            + "<a href=\"/plan/en/documents/plan/\" lang=\"en\" hreflang=\"en\">English</a>,"
        XCTAssertTrue(kk.contains(note), kk)
        XCTAssertFalse(
            page("kk/documents/mou/index.html").contains("authentic-texts"),
            "the source document does not say in which languages the Memorandum is authentic")
    }

    /// `plansite status --strict` passes on the real content: every translation records the
    /// source text it matches, and the plan's Russian text is an original, not a translation.
    func testEveryTranslationOfTheRealContentIsRecorded() throws {
        let report = try TranslationStatus.check(contentDirectory: Package.content).get()
        XCTAssertEqual(report.problems.map { "\($0.item) \($0.language) \($0.state.word)" }, [])
        XCTAssertEqual(report.entries.first { $0.item == "documents/plan" && $0.language == "ru" }?.state, .source)
    }

    func testTheCoverNoteIsInAllThreeLanguages() {
        let kk = page("kk/documents/par-713/index.html")
        XCTAssertFalse(kk.contains("fallback-notice"))
        XCTAssertTrue(kk.contains("№ PAR/713"))
        XCTAssertTrue(kk.contains("Астана қаласы"))
        XCTAssertTrue(kk.contains("2024\u{202F}ж. 13 маусым"))
        let en = page("en/documents/par-713/index.html")
        for text in ["PAR/361 of 20 March 2024", "PAR/1453 of 29 November 2023", "13 June 2024", "Astana"] {
            XCTAssertTrue(en.contains(text), text)
        }
        XCTAssertTrue(en.contains("href=\"/plan/en/events/special-working-group-2024-06-25/\""))
        XCTAssertTrue(page("ru/documents/par-713/index.html").contains("13 июня 2024\u{202F}г."))
    }

    func testTheTwoMeetingsAreMilestonesInTheCalendar() {
        let calendar = page("en/calendar/index.html")
        for year in 2024...2029 { XCTAssertTrue(calendar.contains("id=\"y\(year)\""), "\(year)") }
        let june = calendar.components(separatedBy: "id=\"m2024-06\"")[1].components(separatedBy: "</section>")[0]
        XCTAssertTrue(june.contains("Meeting of the CICA Special Working Group"))
        XCTAssertTrue(june.contains("Meeting of the CICA Senior Officials Committee"))
        XCTAssertTrue(june.contains("Plan milestone"))
        XCTAssertTrue(
            page("ru/events/special-working-group-2024-06-25/index.html")
                .contains("25 июня 2024\u{202F}г."))
    }
}
