import Foundation
import XCTest
@testable import PlanSite

/// The plan's numbered table of areas (CONTENT.md: generated from `areas/`): shown on the
/// document `plan` by default with the theme's headings, which its text's `areasTable` overrides.
final class PlanAreasTableTests: XCTestCase {
    var output: TemporaryFolder!

    override func setUp() { output = TemporaryFolder() }

    override func tearDown() { output = nil }

    private var out: URL { output.url.appendingPathComponent("public") }

    private func page(_ path: String) -> String {
        (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    private func table(_ html: String) -> String? {
        guard let start = html.range(of: "<table class=\"areas-table\">"), let end = html.range(of: "</table>") else {
            return nil
        }
        return String(html[start.lowerBound..<end.upperBound])
    }

    func testThePlanShowsTheTableWithTheThemesHeadingsByDefault() throws {
        _ = try XCTUnwrap(build(content: Fixtures.renamedItems.url, output: out, today: "2024-05-29"))
        let expected = [
            (
                "en", "<tr lang=\"en\"><th scope=\"col\">No.</th><th scope=\"col\">Area</th></tr>",
                "<tr><td>1.</td><td><a href=\"/plan/en/areas/security/\" lang=\"en\">Security</a></td></tr>"
            ),
            (
                "ru", "<tr lang=\"ru\"><th scope=\"col\">№</th><th scope=\"col\">Направление</th></tr>",
                "<tr><td>2.</td><td><a href=\"/plan/ru/areas/trade/\" lang=\"en\">Trade</a></td></tr>"
            ),
            // The text is Russian (a fallback); the theme's headings are the reader's words.
            (
                "kk", "<tr lang=\"kk\"><th scope=\"col\">№</th><th scope=\"col\">Бағыт</th></tr>",
                "<tr><td>1.</td><td><a href=\"/plan/kk/areas/security/\" lang=\"ru\">"
                    + "Безопасность</a></td></tr>"
            )
        ]
        for (language, heading, row) in expected {
            let table = try XCTUnwrap(table(page("\(language)/documents/plan/index.html")), language)
            XCTAssertTrue(table.contains(heading), table)
            XCTAssertTrue(table.contains(row), table)
            XCTAssertEqual(table.components(separatedBy: "<tr><td>").count - 1, 2, "one row per area")
        }
        XCTAssertNil(table(page("en/documents/note/index.html")), "another document shows no table unless it asks")
    }

    func testAreasTableInTheTextOverridesTheHeadings() throws {
        let site = Fixtures.renamedItems.overlaid([
            "documents/plan/ru.md":
                "---\ntitle: План\nareasTable: {number: \"№ п/п\", title: Мероприятия}\n---\n"
                + "Текст.\n",
            "documents/note/en.md": "---\ntitle: Cover note\nareasTable: {number: \"#\", title: Topic}\n---\nA note.\n"
        ])
        _ = try XCTUnwrap(build(content: site.url, output: out, today: "2024-05-29"))
        for language in ["ru", "kk"] {
            let heading =
                "<tr lang=\"ru\"><th scope=\"col\">№ п/п</th>"
                + "<th scope=\"col\">Мероприятия</th></tr>"
            XCTAssertTrue(table(page("\(language)/documents/plan/index.html"))?.contains(heading) ?? false, language)
        }
        XCTAssertTrue(table(page("en/documents/plan/index.html"))?.contains("<th scope=\"col\">Area</th>") ?? false)
        XCTAssertTrue(
            table(page("ru/documents/note/index.html"))?
                .contains("<tr lang=\"en\"><th scope=\"col\">#</th><th scope=\"col\">Topic</th></tr>") ?? false)
    }
}
