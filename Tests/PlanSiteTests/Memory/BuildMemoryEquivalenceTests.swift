import Foundation
import XCTest
@testable import PlanSite

/// The memory of earlier builds only saves work: each fixture site built with it (a rebuild in
/// place, after each change) is byte for byte what a build without it makes into a new folder.
final class BuildMemoryEquivalenceTests: XCTestCase {
    private let now = ISO8601DateFormatter().date(from: "2025-06-01T00:00:00Z")!

    private func files(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in TemporaryFolder.list(root) { files[file] = try Data(contentsOf: root.appendingPathComponent(file)) }
        return files
    }

    @discardableResult
    private func build(
        _ content: URL, theme: URL, into output: URL, remembers: Bool,
        file: StaticString = #filePath, line: UInt = #line
    ) -> BuildSummary? {
        var options = BuildOptions(
            content: content, theme: theme, output: output, baseURL: "https://host.example/plan/",
            includeDrafts: true, now: now)
        options.remembers = remembers
        switch SiteBuilder.build(options) {
        case .success(let summary): return summary
        case .failure(let failure):
            XCTFail(failure.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
            return nil
        }
    }

    /// Rebuilds `remembered` in place and builds a new folder without memory; both must match.
    /// Returns how many files the rebuild kept from the previous build without rendering them.
    @discardableResult
    private func assertSameAsWithoutMemory(
        _ content: URL, theme: URL, remembered: URL, _ step: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> Int {
        let summary = build(content, theme: theme, into: remembered, remembers: true, file: file, line: line)
        let scratch = TemporaryFolder()
        let forgetful = scratch.url.appendingPathComponent("public")
        build(content, theme: theme, into: forgetful, remembers: false, file: file, line: line)
        XCTAssertFalse(
            TemporaryFolder.list(scratch.url).contains { $0.hasPrefix(".public.plansite-") },
            "a build without memory keeps nothing beside the output", file: file, line: line)
        let expected = try files(forgetful)
        let actual = try files(remembered)
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), step, file: file, line: line)
        for (path, bytes) in expected where actual[path] != bytes {
            XCTFail("\(step): \(path) differs", file: file, line: line)
        }
        return summary.map { $0.pageFiles - $0.renderedFiles } ?? 0
    }

    private func copy(_ source: URL, to destination: URL) throws {
        try FileManager.default.copyItem(at: source, to: destination)
    }

    private func checkEveryStep(fixture: String, edit: String, remove: String) throws {
        let work = TemporaryFolder()
        let content = work.url.appendingPathComponent("content")
        let theme = work.url.appendingPathComponent("theme")
        try copy(Fixtures.root.appendingPathComponent(fixture), to: content)
        try copy(Package.theme, to: theme)
        let remembered = work.url.appendingPathComponent("site/public")

        try assertSameAsWithoutMemory(content, theme: theme, remembered: remembered, "clean")
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: work.url.appendingPathComponent("site/.public.plansite-manifest").path))

        let edited = content.appendingPathComponent(edit)
        try (try String(contentsOf: edited, encoding: .utf8) + "\nA paragraph added by the test.\n")
            .write(to: edited, atomically: true, encoding: .utf8)
        let kept = try assertSameAsWithoutMemory(content, theme: theme, remembered: remembered, "after an edit")
        XCTAssertGreaterThan(kept, 0, "the rebuild after an edit keeps the unchanged events' files")

        try FileManager.default.removeItem(at: content.appendingPathComponent(remove))
        try assertSameAsWithoutMemory(content, theme: theme, remembered: remembered, "after a removal")

        let template = theme.appendingPathComponent("templates/event.mustache")
        try
            (try String(contentsOf: template, encoding: .utf8).replacingOccurrences(
                of: "</article>", with: "</article>\n"))
            .write(to: template, atomically: true, encoding: .utf8)
        try assertSameAsWithoutMemory(content, theme: theme, remembered: remembered, "after a template change")
    }

    func testValidBasic() throws {
        try checkEveryStep(
            fixture: "valid-basic", edit: "events/2025/field-week/en.md",
            remove: "events/2025/online-briefing")
    }

    func testCalendarCases() throws {
        try checkEveryStep(
            fixture: "calendar-cases", edit: "events/2024/single-day/en.md",
            remove: "events/2025/cancelled-meeting")
    }

    func testHostileInjection() throws {
        try checkEveryStep(
            fixture: "hostile-injection", edit: "events/2025/kickoff-meeting/en.md",
            remove: "areas/beta")
    }
}
