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
            XCTAssertNotNil(
                line.range(of: #"^\#(code): \d+ pages, \d+ events, \d+ fallbacks? used$"#, options: .regularExpression),
                line)
        }
        XCTAssertNotNil(
            lines[3].range(of: #"^built \d+ files into public in \d+\.\d\d s$"#, options: .regularExpression), lines[3])
        XCTAssertEqual(result.stderr, "", "no progress when standard error is not a terminal")

        let quiet = try run(["build", "--quiet"])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stdout + quiet.stderr, "")
    }

    func testNewEventWritesFilesThatBuildAndRefusesToOverwrite() throws {
        try copySite()
        let created = try run([
            "new", "event", "test-seminar-2026", "--start", "2026-04-14 10:00", "--area", "cybercrime", "--languages",
            "en,ru"
        ])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(
            created.stdout,
            """
            wrote content/events/2026/test-seminar-2026/meta.yaml
            wrote content/events/2026/test-seminar-2026/en.md
            wrote content/events/2026/test-seminar-2026/ru.md

            """)
        let built = try run(["build"])
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: work.appendingPathComponent("public/kk/events/test-seminar-2026/index.html").path))

        let before = try Data(contentsOf: work.appendingPathComponent("content/events/2026/test-seminar-2026/en.md"))
        let again = try run(["new", "event", "test-seminar-2026", "--start", "2026-04-14"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(
            again.stderr.contains("content/events/2026/test-seminar-2026: error: already exists; nothing was written"),
            again.stderr)
        XCTAssertEqual(
            try Data(contentsOf: work.appendingPathComponent("content/events/2026/test-seminar-2026/en.md")), before)

        let wrong = try run(["new", "area", "new-area", "--number", "3", "--languages", "en,de"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(
            wrong.stderr.contains("--languages: error: 'de' is not a language listed in site.yaml (en, ru, kk)"),
            wrong.stderr)
        XCTAssertEqual(try run(["new", "document", "annex"]).status, 2, "--order is required")
    }

    func testStatusFlagsStaleTranslationsAndStrictFailsOnThem() throws {
        try copySite()
        XCTAssertEqual(try run(["status", "--strict"]).status, 0, "the real content records every translation")
        _ = try run(["new", "area", "test-area", "--number", "99", "--languages", "en,ru"])
        let fresh = try run(["status", "--strict"])
        XCTAssertEqual(fresh.status, 0, "kk is missing for the new area, which is what fallback is for")
        let lines = fresh.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        XCTAssertTrue(lines.contains("areas/test-area ru current"), fresh.stdout)
        XCTAssertTrue(lines.contains("areas/test-area kk missing: readers get ru"), fresh.stdout)
        XCTAssertTrue(lines.contains("areas/test-area en source"), fresh.stdout)

        try write("content/areas/test-area/en.md", "---\ntitle: Test area\n---\nWritten since the translation.\n")
        let stale = try run(["status"])
        XCTAssertEqual(stale.status, 0, "without --strict, status only reports")
        XCTAssertNotNil(
            stale.stdout.range(
                of:
                    #"areas/test-area +ru  stale: en\.md changed since this translation \(recorded [0-9a-f]{12}, "#
                    + #"now [0-9a-f]{12}\)"#,
                options: .regularExpression), stale.stdout)
        let strictlyStale = try run(["status", "--strict"])
        XCTAssertEqual(strictlyStale.status, 1)
        XCTAssertTrue(
            strictlyStale.stderr.hasSuffix("1 stale or unrecorded translations (--strict)\n"),
            strictlyStale.stderr)

        let marked = try run(["status", "--mark-current", "content/areas/test-area/ru.md"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        let after = try run(["status"])
        XCTAssertTrue(
            after.stdout.split(separator: "\n").contains {
                $0.split(separator: " ").joined(separator: " ") == "areas/test-area ru current"
            }, after.stdout)
        XCTAssertFalse(
            try run(["status", "--mark-current", "content/areas/test-area/en.md"]).status == 0,
            "the source text records nothing")

        try write("content/areas/test-area/ru.md", "---\ntitle: Тестовое направление\n---\n")
        let unrecorded = try run(["status", "--strict"])
        XCTAssertEqual(unrecorded.status, 1, "a translation that records no sourceHash is not known to be current")
        XCTAssertTrue(unrecorded.stdout.contains("unrecorded: records no sourceHash"), unrecorded.stdout)
    }

    /// SOURCE_DATE_EPOCH is 2024-05-29 here (`CommandLineTestCase`): an event that ended before
    /// and is still planned gets a warning from `check` and `status`, at its status key.
    func testPastEventsStillPlannedAreWarnedAboutAtTheirStatusKey() throws {
        try copySite()
        try FileManager.default.createDirectory(
            at: work.appendingPathComponent("content/events/2024/spring-meeting"),
            withIntermediateDirectories: true)
        let meta = "content/events/2024/spring-meeting/meta.yaml"
        try write(meta, "start: 2024-05-20\nend: 2024-05-21\nstatus: planned\n")
        try write("content/events/2024/spring-meeting/en.md", "---\ntitle: Spring meeting\n---\n")
        let expected =
            "\(meta):3:1: warning: 'spring-meeting' ended on 2024-05-21 and is still planned: "
            + "did it take place? set `status: held`, `postponed` or `cancelled`\n"
        let check = try run(["check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stderr, expected, "the real events (June 2024) are still upcoming on that day")
        let status = try run(["status", "--strict"])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertEqual(status.stderr, expected)

        try write(meta, "start: 2024-05-20\nend: 2024-05-21\n")
        XCTAssertEqual(
            try run(["check"]).stderr, expected.replacingOccurrences(of: "\(meta):3:1:", with: "\(meta):"),
            "without a status key, the warning is at the file")
        try write(meta, "start: 2024-05-20\nend: 2024-05-21\nstatus: held\n")
        XCTAssertEqual(try run(["check"]).stderr, "")
    }
}
