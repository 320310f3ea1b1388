import Foundation
import XCTest
@testable import PlanSite

/// `plansite new`: what it writes builds, and it refuses what the loader would refuse.
final class ItemScaffoldTests: XCTestCase {
    var folder: TemporaryFolder!

    // XCTest on Linux never frees a test case: the folder is let go here, or it stays on disk.
    override func tearDown() {
        folder = nil
    }

    /// A writable copy of the valid fixture, removed with `folder` when the test ends.
    func copyOfFixture() throws -> URL {
        folder = TemporaryFolder()
        let content = folder.url.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.validBasic.url, to: content)
        return content
    }

    func written(_ item: NewItem, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        switch ItemScaffold.write(item) {
        case .success(let files): return files
        case .failure(let failure):
            XCTFail(failure.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
            return []
        }
    }

    func problems(_ item: NewItem) -> [String] {
        guard case .failure(let failure) = ItemScaffold.write(item) else { return [] }
        return failure.diagnostics.map(\.description)
    }

    func testNewEventAreaAndDocumentBuildInEveryLanguage() throws {
        let content = try copyOfFixture()
        let event = written(
            NewItem(kind: .event(start: "2027-05-04 09:30", area: "beta"), slug: "beta-seminar", content: content))
        XCTAssertEqual(
            event.map { URL(fileURLWithPath: $0).lastPathComponent }, ["meta.yaml", "en.md", "ru.md", "kk.md"])
        XCTAssertTrue(event[0].hasSuffix("events/2027/beta-seminar/meta.yaml"), event[0])
        _ = written(NewItem(kind: .area(number: 9), slug: "delta", languages: ["en", "kk"], content: content))
        _ = written(NewItem(kind: .document(order: 5), slug: "annex", languages: ["ru"], content: content))

        let output = folder.url.appendingPathComponent("public")
        XCTAssertNotNil(build(content: content, output: output))
        let seminar = try String(
            contentsOf: output.appendingPathComponent("kk/events/beta-seminar/index.html"), encoding: .utf8)
        XCTAssertTrue(seminar.contains("Beta seminar"), "the title made from the slug is on the page")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: output.appendingPathComponent("en/areas/delta/index.html").path))
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: output.appendingPathComponent("en/documents/annex/index.html").path))
        let areaFiles = TemporaryFolder.list(content.appendingPathComponent("areas/delta"))
        XCTAssertEqual(areaFiles, ["en.md", "kk.md", "meta.yaml"])
        XCTAssertEqual(
            try String(contentsOf: content.appendingPathComponent("areas/delta/meta.yaml"), encoding: .utf8),
            "number: 9\n")
    }

    func testTranslationsRecordTheSourceTheyStartFrom() throws {
        let content = try copyOfFixture()
        _ = written(NewItem(kind: .document(order: 3), slug: "annex", content: content))
        let english = try Data(contentsOf: content.appendingPathComponent("documents/annex/en.md"))
        let russian = try String(contentsOf: content.appendingPathComponent("documents/annex/ru.md"), encoding: .utf8)
        XCTAssertFalse(String(decoding: english, as: UTF8.self).contains("sourceHash"))
        XCTAssertTrue(russian.contains("\nsourceHash: \(SourceHash.of(english))\n"), russian)
    }

    func testRefusesToOverwrite() throws {
        let content = try copyOfFixture()
        let before = try Data(contentsOf: content.appendingPathComponent("areas/alpha/en.md"))
        XCTAssertEqual(
            problems(NewItem(kind: .area(number: 12), slug: "alpha", content: content)).last?.hasSuffix(
                "areas/alpha: error: already exists; nothing was written"), true)
        XCTAssertEqual(try Data(contentsOf: content.appendingPathComponent("areas/alpha/en.md")), before)
    }

    func testArgumentsAreCheckedLikeTheLoaderChecksMetaYAML() throws {
        let content = try copyOfFixture()
        XCTAssertEqual(
            problems(
                NewItem(
                    kind: .event(start: "2025-02-30", area: "alhpa"), slug: "Bad_Slug", languages: ["en", "fr"],
                    content: content)),
            [
                "--area: error: unknown area 'alhpa'; did you mean 'alpha'?",
                "--languages: error: 'fr' is not a language listed in site.yaml (en, ru, kk)",
                "--start: error: impossible date '2025-02-30' in 'start': February 2025 has 28 days",
                "SLUG: error: 'Bad_Slug' is not a valid folder name (slug): use lowercase letters a-z, "
                    + "digits and single hyphens between them"
            ])
        XCTAssertEqual(
            problems(NewItem(kind: .event(start: "next week", area: nil), slug: "kickoff-meeting", content: content))
                .count, 2,
            "a malformed date, and a slug another event already uses")
        XCTAssertEqual(
            problems(NewItem(kind: .area(number: 1), slug: "delta", content: content)),
            ["--number: error: area number 1 is already used by 'alpha'"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: content.appendingPathComponent("areas/delta").path))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: content.appendingPathComponent("events/2025/bad_slug").path))
    }
}
