import Foundation
import XCTest

/// Runs the `plansite` executable as a user would, checking exit statuses and output.
final class CommandLineTests: CommandLineTestCase {
    func testBuildSucceedsWithExitZero() throws {
        try copySite()
        let result = try run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.split(separator: "\n").last?.hasPrefix("built ") == true, result.stdout)
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: work.appendingPathComponent("public/en/documents/plan/index.html").path))
    }

    func testWrongUsageExitsTwo() throws {
        XCTAssertEqual(try run(["build", "--no-such-flag"]).status, 2)
        XCTAssertEqual(try run(["publish"]).status, 2)
        XCTAssertEqual(try run([]).status, 0)  // prints help
        let badURL = try run(["build", "--base-url", "not a url"])
        XCTAssertEqual(badURL.status, 2)
        XCTAssertTrue(badURL.stderr.contains("--base-url must be an absolute http or https URL"), badURL.stderr)
    }

    func testContentAndThemeProblemsAreReportedTogether() throws {
        try copySite()
        try write("content/areas/energy/meta.yaml", "number: eight\n")
        try write("theme/templates/areas.mustache", "{{#areas}}\n")
        let result = try run(["check"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr.split(separator: "\n").map(String.init),
            [
                "content/areas/energy/meta.yaml:1:9: error: 'number' must be a whole number, not 'eight'",
                "theme/templates/areas.mustache:1:1: error: template syntax error: {{#areas}} is never closed: "
                    + "{{/areas}} is missing",
                "2 errors; nothing was written"
            ])
    }

    func testEveryProblemIsReportedWithItsPositionAndNothingIsChanged() throws {
        try copySite()
        XCTAssertEqual(try run(["build"]).status, 0)
        let before = try Data(contentsOf: work.appendingPathComponent("public/en/index.html"))

        try write("content/areas/energy/meta.yaml", "number: 7\n")
        try write(
            "content/events/2024/special-working-group-2024-06-25/meta.yaml",
            "start: 2024-06-31\norganizers: [cica, osce]\n")
        try write("content/documents/mou/en.md", "---\ntitel: Memorandum\n---\nSee [nothing](/areas/nowhere).\n")
        let result = try run(["build"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr.split(separator: "\n").map(String.init),
            [
                "content/areas/energy/meta.yaml:1:9: error: area number 7 is already used by 'disaster-management' "
                    + "(content/areas/disaster-management/meta.yaml:1:9)",
                "content/documents/mou/en.md:2:1: error: unknown key 'titel' in a document's front matter; "
                    + "did you mean 'title'?",
                "content/documents/mou/en.md:2:1: error: missing required key 'title' in a document's front matter",
                "content/events/2024/special-working-group-2024-06-25/meta.yaml:1:8: error: "
                    + "impossible date '2024-06-31' in 'start': June 2024 has 30 days",
                "content/events/2024/special-working-group-2024-06-25/meta.yaml:2:20: error: unknown organizer 'osce': "
                    + "list it under 'organizations' in site.yaml",
                "5 errors; nothing was written"
            ])
        XCTAssertEqual(try Data(contentsOf: work.appendingPathComponent("public/en/index.html")), before)
    }

    func testCheckWritesNothing() throws {
        try copySite()
        let result = try run(["check"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("public").path))
    }

    func testRefusesToReplaceAFolderNotWrittenByPlanSite() throws {
        try copySite()
        try FileManager.default.createDirectory(
            at: work.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try write("mine/precious.txt", "keep me")
        let result = try run(["build", "--output", "mine"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.hasPrefix("mine: error: the output folder exists and was not written by PlanSite"),
            result.stderr)
        XCTAssertEqual(
            try String(contentsOf: work.appendingPathComponent("mine/precious.txt"), encoding: .utf8), "keep me")
    }
}
