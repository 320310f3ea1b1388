import Foundation
import XCTest

/// `new`, `status` and the build report, run as an editor would run them.
final class EditorCommandTests: CommandLineTestCase {
    func testBuildReportsEachLanguageAndQuietSilencesIt() throws {
        try copySite()
        let result = try run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, result.stdout)
        for (line, code) in zip(lines, ["en", "ru", "kk"]) {
            XCTAssertNotNil(line.range(of: #"^\#(code): \d+ pages, \d+ events, \d+ fallbacks? used$"#, options: .regularExpression), line)
        }
        XCTAssertNotNil(lines[3].range(of: #"^built \d+ files into public in \d+\.\d\d s$"#, options: .regularExpression), lines[3])
        XCTAssertEqual(result.stderr, "", "no progress when standard error is not a terminal")

        let quiet = try run(["build", "--quiet"])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stdout + quiet.stderr, "")
    }

    func testNewEventWritesFilesThatBuildAndRefusesToOverwrite() throws {
        try copySite()
        let created = try run(["new", "event", "test-seminar-2026", "--start", "2026-04-14 10:00", "--area", "cybercrime", "--languages", "en,ru"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(created.stdout, """
        wrote content/events/2026/test-seminar-2026/meta.yaml
        wrote content/events/2026/test-seminar-2026/en.md
        wrote content/events/2026/test-seminar-2026/ru.md

        """)
        let built = try run(["build"])
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("public/kk/events/test-seminar-2026/index.html").path))

        let before = try Data(contentsOf: work.appendingPathComponent("content/events/2026/test-seminar-2026/en.md"))
        let again = try run(["new", "event", "test-seminar-2026", "--start", "2026-04-14"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("content/events/2026/test-seminar-2026: error: already exists; nothing was written"), again.stderr)
        XCTAssertEqual(try Data(contentsOf: work.appendingPathComponent("content/events/2026/test-seminar-2026/en.md")), before)

        let wrong = try run(["new", "area", "new-area", "--number", "3", "--languages", "en,de"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("--languages: error: 'de' is not a language listed in site.yaml (en, ru, kk)"), wrong.stderr)
        XCTAssertEqual(try run(["new", "document", "annex"]).status, 2, "--order is required")
    }

    func testStatusFlagsStaleTranslationsAndStrictFailsOnThem() throws {
        try copySite()
        _ = try run(["new", "area", "test-area", "--number", "99", "--languages", "en,ru"])
        let fresh = try run(["status", "--strict"])
        XCTAssertEqual(fresh.status, 1, "kk is missing for the new area")
        let lines = fresh.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        XCTAssertTrue(lines.contains("areas/test-area ru current"), fresh.stdout)
        XCTAssertTrue(lines.contains("areas/test-area kk missing: readers get ru"), fresh.stdout)
        XCTAssertTrue(lines.contains("areas/test-area en source"), fresh.stdout)

        try write("content/areas/test-area/en.md", "---\ntitle: Test area\n---\nWritten since the translation.\n")
        let stale = try run(["status"])
        XCTAssertEqual(stale.status, 0, "without --strict, status only reports")
        XCTAssertNotNil(stale.stdout.range(of: #"areas/test-area +ru  stale: en\.md changed since this translation \(recorded [0-9a-f]{12}, now [0-9a-f]{12}\)"#,
                                           options: .regularExpression), stale.stdout)

        let marked = try run(["status", "--mark-current", "content/areas/test-area/ru.md"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        let after = try run(["status"])
        XCTAssertTrue(after.stdout.split(separator: "\n").contains { $0.split(separator: " ").joined(separator: " ") == "areas/test-area ru current" }, after.stdout)
        XCTAssertFalse(try run(["status", "--mark-current", "content/areas/test-area/en.md"]).status == 0, "the source text records nothing")
    }
}
