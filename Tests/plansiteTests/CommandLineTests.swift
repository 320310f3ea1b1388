import Foundation
import XCTest

/// Runs the `plansite` executable as a user would, checking exit statuses and output.
final class CommandLineTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: work)
        work = nil  // XCTest on Linux never frees a test case (issue 5: AddressSanitizer's leak check)
    }

    /// The executable sits in the build folder with the test bundle (on Linux the bundle URL is
    /// that folder; on macOS it is the `.xctest` inside it).
    var executable: URL {
        var folder = Bundle(for: CommandLineTests.self).bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("plansite")
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = work
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1717000000"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Copies the real content and theme into the working folder, so paths print relative to it.
    func copySite() throws {
        for name in ["content", "theme"] {
            try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent(name), to: work.appendingPathComponent(name))
        }
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: work.appendingPathComponent(path))
    }

    func testBuildSucceedsWithExitZero() throws {
        try copySite()
        let result = try run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("built "), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("public/en/documents/plan/index.html").path))
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
        XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), [
            "content/areas/energy/meta.yaml:1:9: error: 'number' must be a whole number, not 'eight'",
            "theme/templates/areas.mustache:2:1: error: template syntax error: a section is opened but never closed",
            "2 errors; nothing was written",
        ])
    }

    func testEveryProblemIsReportedWithItsPositionAndNothingIsChanged() throws {
        try copySite()
        XCTAssertEqual(try run(["build"]).status, 0)
        let before = try Data(contentsOf: work.appendingPathComponent("public/en/index.html"))

        try write("content/areas/energy/meta.yaml", "number: 7\n")
        try write("content/events/2024/special-working-group-2024-06-25/meta.yaml", "start: 2024-06-31\norganizers: [cica, osce]\n")
        try write("content/documents/mou/en.md", "---\ntitel: Memorandum\n---\nSee [nothing](/areas/nowhere).\n")
        let result = try run(["build"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), [
            "content/areas/energy/meta.yaml:1:9: error: area number 7 is already used by 'disaster-management' (content/areas/disaster-management/meta.yaml:1:9)",
            "content/documents/mou/en.md:2:1: error: unknown key 'titel' in a document's front matter; did you mean 'title'?",
            "content/documents/mou/en.md:2:1: error: missing required key 'title' in a document's front matter",
            "content/events/2024/special-working-group-2024-06-25/meta.yaml:1:8: error: impossible date '2024-06-31' in 'start': June 2024 has 30 days",
            "content/events/2024/special-working-group-2024-06-25/meta.yaml:2:20: error: unknown organizer 'osce': list it under 'organizations' in site.yaml",
            "5 errors; nothing was written",
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
        try FileManager.default.createDirectory(at: work.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try write("mine/precious.txt", "keep me")
        let result = try run(["build", "--output", "mine"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("mine: error: the output folder exists and was not written by PlanSite"), result.stderr)
        XCTAssertEqual(try String(contentsOf: work.appendingPathComponent("mine/precious.txt"), encoding: .utf8), "keep me")
    }
}
