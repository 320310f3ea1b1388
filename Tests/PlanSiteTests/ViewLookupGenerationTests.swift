import Foundation
import XCTest

/// `Views/ViewLookup.swift` is generated from the view structs by `scripts/generate_view_lookup.py`;
/// nobody has to remember to run it, because this test runs it in check mode and fails while the
/// committed file differs from what the script writes (the failure shows the diff).
final class ViewLookupGenerationTests: XCTestCase {
    private static let script = "scripts/generate_view_lookup.py"
    /// The files the script reads and the one it writes, relative to the package root.
    private static let inputs = [
        "Sources/PlanSite/Render/Views/Chrome.swift", "Sources/PlanSite/Render/Views/Pages.swift",
        "Sources/PlanSite/Render/Views/Summaries.swift", "Sources/PlanSite/Render/Views/Progress.swift",
        "Sources/PlanSite/Render/UIStrings.swift",
        "Sources/PlanSite/Render/Views/ViewLookup.swift"
    ]

    /// Runs the script with `--check` in `root`; its exit status and what it printed.
    private func check(in root: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.packageRoot.appendingPathComponent(Self.script).path, "--check"]
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func testTheCommittedLookupIsWhatTheGeneratorMakes() throws {
        let (status, output) = try check(in: Fixtures.packageRoot)
        XCTAssertEqual(status, 0, "ViewLookup.swift is stale; run \(Self.script):\n\(output)")
    }

    /// The check itself can fail: a field added to a view and not to the lookup is reported.
    func testAFieldMissingFromTheLookupFailsTheCheck() throws {
        let copy = TemporaryFolder()
        for path in Self.inputs {
            let target = copy.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(),
                withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent(path), to: target)
        }
        let summaries = copy.url.appendingPathComponent("Sources/PlanSite/Render/Views/Summaries.swift")
        let text = try String(contentsOf: summaries, encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: "struct YearGroup {\n",
            with: "struct YearGroup {\n    let note: String\n")
        XCTAssertNotEqual(edited, text)
        try edited.write(to: summaries, atomically: true, encoding: .utf8)
        let (status, output) = try check(in: copy.url)
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains(#"+        case "note": return name.answer(self.note, at: depth)"#), output)
        XCTAssertTrue(output.contains("is out of date: run scripts/generate_view_lookup.py"), output)
    }
}
