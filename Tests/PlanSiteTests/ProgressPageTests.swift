import Foundation
import XCTest
@testable import PlanSite

/// The progress page, its chart, its CSV and the home page's summary (issue 21), built from the
/// small site with events added in every status, in both years, in two of its three areas and
/// as milestones, and drafts that must not be counted.
final class ProgressPageTests: SmallSiteTestCase {
    private var out: URL { output.url.appendingPathComponent("public") }

    /// Added to the small site's own four events (one of them a draft).
    private static let addedFiles: [String: String] = {
        var files = [
            "areas/three/meta.yaml": "number: 3\n",
            "areas/three/en.md": "---\ntitle: 'Area Three, \"quoted\"'\n---\n"
        ]
        let events = [
            ("2024/two-talks", "start: 2024-03-05\narea: two\nstatus: held\n"),
            ("2024/two-delayed", "start: 2024-10-10\narea: two\nstatus: postponed\n"),
            ("2025/two-review", "start: 2025-02-01\narea: two\nstatus: held\n"),
            ("2025/two-summit", "start: 2025-11-20\narea: two\n"),
            ("2025/one-cancelled", "start: 2025-07-07\narea: one\nstatus: cancelled\n"),
            ("2025/launch", "start: 2025-01-15\nstatus: held\n"),
            ("2025/two-draft", "start: 2025-06-01\narea: two\nstatus: held\ndraft: true\n")
        ]
        for (folder, meta) in events {
            files["events/\(folder)/meta.yaml"] = meta
            files["events/\(folder)/en.md"] = "---\ntitle: \(folder.split(separator: "/").last!)\n---\n"
        }
        return files
    }()

    override func setUp() {
        super.setUp()
        content.write(Self.addedFiles)
    }

    /// What the content holds, read from its `meta.yaml` texts here (not by the builder):
    /// non-draft events per area slug ("" for milestones), year and status.
    private var expected: [String: [Int: [String: Int]]] {
        var counts: [String: [Int: [String: Int]]] = [:]
        let files = SmallSite.files.merging(Self.addedFiles) { $1 }
        for (path, meta) in files where path.hasPrefix("events/") && path.hasSuffix("/meta.yaml") {
            var fields: [String: String] = [:]
            for line in meta.split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                fields[parts[0]] = parts[1]
            }
            guard fields["draft"] != "true" else { continue }
            let year = Int(fields["start"]!.prefix(4))!
            let status = fields["status"] ?? "planned"
            counts[fields["area"] ?? "", default: [:]][year, default: [:]][status, default: 0] += 1
        }
        return counts
    }

    private func count(_ area: String, _ year: Int?, _ status: String?) -> Int {
        let years = expected[area] ?? [:]
        let chosen = year.map { [years[$0] ?? [:]] } ?? Array(years.values)
        return chosen.reduce(0) { sum, statuses in
            sum + (status.map { statuses[$0] ?? 0 } ?? statuses.values.reduce(0, +))
        }
    }

    private static let statuses = ["held", "planned", "postponed", "cancelled"]

    private func page(_ path: String) -> String {
        (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// The piece of a page from `start` to the end of `end`, which the page must hold.
    private func piece(_ html: String, from start: String, to end: String) throws -> String {
        let from = try XCTUnwrap(html.range(of: start), "no \(start)")
        let to = try XCTUnwrap(html.range(of: end, range: from.upperBound..<html.endIndex), "no \(end)")
        return String(html[from.lowerBound..<to.upperBound])
    }

    func testTheTableCountsWhatTheContentHoldsInEveryLanguage() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        for language in ["en", "ru", "kk"] {
            let html = page("\(language)/progress/index.html")
            let markup = try piece(html, from: "<table class=\"progress-table\">", to: "</table>")
            let table = try XCTUnwrap(XMLTree.parse(markup), "the \(language) table is not well formed")
            let headings = table.all("thead").first!.all("th").map(\.wholeText)
            XCTAssertEqual(headings.dropFirst().dropLast(), ["2024", "2025"], language)
            let rows = table.all("tbody").first!.all("tr")
            XCTAssertEqual(rows.count, 4, "three areas and the milestones")
            for (index, row) in rows.enumerated() {
                let link = row.all("a").first?.attributes["href"]
                let slug = link.map { String($0.split(separator: "/").last!) } ?? ""
                XCTAssertEqual(slug, ["one", "two", "three", ""][index], language)
                let cells = row.all("td")
                XCTAssertEqual(cells.count, 3)
                for (column, year) in [2024, 2025, nil].enumerated() {
                    let cell = cells[column]
                    let total = cell.all("span").first { $0.classes.contains("n") }!.wholeText
                    XCTAssertEqual(total, String(count(slug, year, nil)), "\(language) \(slug) \(year ?? 0)")
                    let by = cell.all("span").first { $0.classes.contains("by") }?.wholeText ?? ""
                    let numbers = by.split(whereSeparator: { !$0.isNumber }).map { Int($0)! }
                    let present = Self.statuses.map { count(slug, year, $0) }.filter { $0 > 0 }
                    XCTAssertEqual(numbers, present, "\(language) \(slug)")
                }
            }
            let totals = table.all("tfoot").first!.all("td").map { $0.all("span").first!.wholeText }
            let sums = [2024, 2025, nil].map { year in expected.keys.map { count($0, year, nil) }.reduce(0, +) }
            XCTAssertEqual(totals, sums.map(String.init))
        }
        // Each status named in the reader's language, area titles linked in their own.
        let en = page("en/progress/index.html"), ru = page("ru/progress/index.html")
        XCTAssertTrue(en.contains("<span class=\"by\">held: 1, postponed: 1</span>"))
        XCTAssertTrue(ru.contains("<span class=\"by\">проведено: 1, перенесено: 1</span>"))
        XCTAssertTrue(ru.contains("<a href=\"/plan/ru/areas/two/\"\n lang=\"ru\">Направление два</a>"))
        XCTAssertTrue(ru.contains("<a href=\"/plan/ru/areas/one/\"\n lang=\"en\">Area One</a>"))
        XCTAssertTrue(page("kk/progress/index.html").contains("<th scope=\"row\">Жоспар кезеңдері</th>"))
    }

    func testTheCSVHasTheColumnsAndCountsOfTheContent() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        for language in ["en", "ru", "kk"] {
            let csv = page("\(language)/progress.csv")
            let records = try XCTUnwrap(CSVReader.records(csv), "\(language): not RFC 4180 CSV")
            XCTAssertEqual(
                records.first,
                ["area", "number", "title", "year", "held", "planned", "postponed", "cancelled", "total"])
            let rows = records.dropFirst()
            XCTAssertEqual(
                rows.map { "\($0[0]) \($0[1]) \($0[3])" },
                [
                    "one 1 2024", "one 1 2025", "two 2 2024", "two 2 2025", "three 3 2024", "three 3 2025",
                    "  2024", "  2025"
                ])
            for row in rows {
                let counts = row[4...].map { Int($0)! }
                let year = Int(row[3])!
                let held = Self.statuses.map { count(row[0], year, $0) } + [count(row[0], year, nil)]
                XCTAssertEqual(counts, held, "\(language): \(row)")
            }
        }
        let ru = try XCTUnwrap(CSVReader.records(page("ru/progress.csv")))
        let three = "Area Three, \"quoted\""
        XCTAssertEqual(
            ru.map { $0[2] },
            [
                "title", "Area One", "Area One", "Направление два", "Направление два",
                three, three, "Этапы плана", "Этапы плана"
            ])
    }

    func testDraftsAreNeverCounted() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let csv = page("en/progress.csv")
        let summary = try piece(page("en/index.html"), from: "<p class=\"progress-summary\">", to: "</p>")
        _ = try XCTUnwrap(build(content: content.url, output: out, drafts: true))
        let draft = out.appendingPathComponent("en/events/two-draft/index.html")
        XCTAssertTrue(FileManager.default.fileExists(atPath: draft.path))
        XCTAssertEqual(page("en/progress.csv"), csv)
        XCTAssertTrue(page("en/index.html").contains(summary))
    }

    func testTheChartIsValidSVGSummarisedByItsTitle() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out, today: "2025-07-02"))
        let all = expected.keys.map { count($0, nil, nil) }.reduce(0, +)
        let byStatus = Self.statuses.map { status in expected.keys.map { count($0, nil, status) }.reduce(0, +) }
        let sentence =
            "Events: \(all), in 2 of 3 areas; "
            + zip(Self.statuses, byStatus).map { "\($0): \($1)" }.joined(separator: ", ")
        let html = page("en/progress/index.html")
        let chart = try piece(html, from: "<svg", to: "</svg>")
        let svg = try XCTUnwrap(XMLTree.parse(chart), "the chart is not well formed")
        XCTAssertEqual(svg.name, "svg")
        XCTAssertEqual(svg.attributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertEqual(svg.attributes["role"], "img")
        let title = try XCTUnwrap(svg.children.first)
        XCTAssertEqual(title.name, "title")
        XCTAssertEqual(svg.attributes["aria-labelledby"], title.attributes["id"])
        XCTAssertEqual(title.wholeText, sentence)
        XCTAssertTrue(html.contains("<p class=\"lead progress-summary\">\(sentence)</p>"))
        // One mark per status that a cell has events in, shaped by its status, with the count.
        let marks = svg.all("g").filter { $0.classes.contains("mark") }
        let legend = Self.statuses.count
        var cellMarks: [String: Int] = [:]
        for mark in marks.dropLast(legend) { cellMarks[mark.classes.subtracting(["mark"]).first!, default: 0] += 1 }
        for status in Self.statuses {
            let cells = expected.keys.flatMap { area in [2024, 2025].filter { count(area, $0, status) > 0 } }.count
            XCTAssertEqual(cellMarks[status] ?? 0, cells, status)
        }
        let shapes = Dictionary(grouping: marks, by: { $0.classes.subtracting(["mark"]).first! })
            .mapValues { Set($0.map { $0.children.first!.name }) }
        XCTAssertEqual(shapes["held"], ["circle"])
        XCTAssertEqual(shapes["planned"], ["circle"])
        XCTAssertEqual(shapes["postponed"], ["path"])
        XCTAssertEqual(shapes["cancelled"], ["path"])
        let shapeData = Set(marks.map { $0.children.first!.attributes["r"] ?? $0.children.first!.attributes["d"]! })
        XCTAssertEqual(shapeData.count, 4, "each status has its own shape")
        let counts = marks.dropLast(legend).map { Int($0.all("text").first!.wholeText)! }
        XCTAssertEqual(counts.reduce(0, +), all)
        // Today (2 July, half way through 2025) is marked in 2025's column.
        let today = try XCTUnwrap(svg.all("path").first { $0.classes.contains("today") })
        let columns = svg.all("text").filter { $0.classes.contains("year") }.map { Int($0.attributes["x"]!)! }
        let x = Int(try XCTUnwrap(today.attributes["d"]).dropFirst().split(separator: " ").first!)!
        XCTAssertLessThanOrEqual(abs(x - columns[1]), 5)
    }

    func testTodayOutsideTheYearsIsNotMarked() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out, today: "2031-01-10"))
        let svg = try XCTUnwrap(XMLTree.parse(try piece(page("en/progress/index.html"), from: "<svg", to: "</svg>")))
        XCTAssertTrue(svg.all("path").filter { $0.classes.contains("today") }.isEmpty)
    }

    func testAYearOutsideThePeriodGetsItsOwnColumn() throws {
        content.write([
            "events/2027/late/meta.yaml": "start: 2027-04-01\narea: three\nstatus: held\n",
            "events/2027/late/en.md": "---\ntitle: Late\n---\n"
        ])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let records = try XCTUnwrap(CSVReader.records(page("en/progress.csv")))
        XCTAssertEqual(Set(records.dropFirst().map { $0[3] }), ["2024", "2025", "2027"])
        XCTAssertTrue(records.contains(["three", "3", "Area Three, \"quoted\"", "2027", "1", "0", "0", "0", "1"]))
    }

    func testATitleIsNeverASpreadsheetFormula() throws {
        content.write(["areas/three/ru.md": "---\ntitle: '=HYPERLINK(\"https://example.com\")'\n---\n"])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let records = try XCTUnwrap(CSVReader.records(page("ru/progress.csv")))
        let titles = records.filter { $0[0] == "three" }.map { $0[2] }
        XCTAssertEqual(titles, Array(repeating: "'=HYPERLINK(\"https://example.com\")", count: 2))
        XCTAssertTrue(page("ru/progress/index.html").contains(">=HYPERLINK(&quot;https://example.com&quot;)</a>"))
    }

    func testTheHomePageThePlanAndTheMenuLinkToIt() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        for language in ["en", "ru", "kk"] {
            let home = page("\(language)/index.html")
            let opening = "<title id=\"chart-title\">"
            let summary = try piece(page("\(language)/progress/index.html"), from: opening, to: "</title>")
                .dropFirst(opening.count).dropLast("</title>".count)
            let href = "href=\"/plan/\(language)/progress/\""
            XCTAssertTrue(home.contains("<p class=\"progress-summary\">\(summary)</p>"), language)
            XCTAssertTrue(home.contains("<h2 id=\"progress-heading\"><a \(href)>"), language)
            let plan = page("\(language)/documents/plan/index.html")
            XCTAssertTrue(plan.contains("<p class=\"progress-link\"><a \(href)>"))
            XCTAssertTrue(page("\(language)/progress/index.html").contains("<li><a \(href) aria-current=\"true\">"))
            XCTAssertTrue(page("\(language)/calendar/index.html").contains("<li><a \(href)>"))
        }
        let opening = "<p class=\"progress-summary\">"
        let ruSummary = "Мероприятий: 9, по 2 из 3 направлений; "
        let kkSummary = "Іс-шаралар: 9, 3 бағыттың 2 бағыты бойынша; "
        XCTAssertTrue(page("ru/index.html").contains(opening + ruSummary))
        XCTAssertTrue(page("kk/index.html").contains(opening + kkSummary))
        // The page's own stylesheet is linked by it alone.
        XCTAssertTrue(page("en/progress/index.html").contains("/plan/assets/progress."))
        XCTAssertFalse(page("en/index.html").contains("/plan/assets/progress."))
    }

    func testNumbersAndYearsAreWrittenAsEachLanguageWritesThem() {
        let en = DateFormatting(localeIdentifier: "en-GB"), ru = DateFormatting(localeIdentifier: "ru")
        let kk = DateFormatting(localeIdentifier: "kk")
        XCTAssertEqual(en.number(12345), "12,345")
        XCTAssertEqual(ru.number(12345), "12\u{A0}345")
        XCTAssertEqual(kk.number(12345), "12\u{A0}345")
        XCTAssertEqual([en.year(2024), ru.year(2024), kk.year(2024)], ["2024", "2024", "2024"])
    }
}
