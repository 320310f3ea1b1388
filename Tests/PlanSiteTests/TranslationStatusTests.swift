import Foundation
import XCTest
@testable import PlanSite

/// `plansite status`: missing, stale, unrecorded and current translations, and `--mark-current`.
final class TranslationStatusTests: XCTestCase {
    func report(_ content: URL, file: StaticString = #filePath, line: UInt = #line) -> TranslationReport? {
        switch TranslationStatus.check(contentDirectory: content) {
        case .success(let report): return report
        case .failure(let failure):
            XCTFail(failure.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
            return nil
        }
    }

    func state(_ report: TranslationReport?, _ item: String, _ language: String) -> TranslationState? {
        report?.entries.first { $0.item == item && $0.language == language }?.state
    }

    func testMissingTranslationsNameTheFallbackReadersGet() throws {
        let folder = TemporaryFolder()
        folder.write(SmallSite.files)
        let status = report(folder.url)
        XCTAssertEqual(state(status, "areas/one", "en"), .source)
        XCTAssertEqual(state(status, "areas/one", "ru"), .missing(fallback: "en"))
        XCTAssertEqual(state(status, "areas/two", "kk"), .missing(fallback: "ru"))
        XCTAssertEqual(state(status, "areas/two", "ru"), .unrecorded)
        XCTAssertEqual(
            status?.entries.count, 3 * 8, "every item (home, 1 document, 2 areas, 4 events) in every language")
        XCTAssertEqual(
            status?.lines.first { $0.hasPrefix("areas/two") && $0.contains(" kk ") }?.split(
                separator: " ", omittingEmptySubsequences: true
            ).map(String.init),
            ["areas/two", "kk", "missing:", "readers", "get", "ru"])
    }

    func testMarkCurrentThenEditingTheSourceMakesTheTranslationStale() throws {
        let folder = TemporaryFolder()
        folder.write(SmallSite.files)
        let russian = folder.url.appendingPathComponent("areas/two/ru.md")
        let before = try String(contentsOf: russian, encoding: .utf8)
        guard case .success(let hash) = SourceHashMarker.mark(russian, contentDirectory: folder.url) else {
            return XCTFail("not marked")
        }
        XCTAssertEqual(
            try String(contentsOf: russian, encoding: .utf8),
            before.replacingOccurrences(
                of: "title: Направление "
                    + "два\n", with: "title: Направление два\nsourceHash: \(hash)\n"))
        XCTAssertEqual(state(report(folder.url), "areas/two", "ru"), .current)

        folder.write(["areas/two/en.md": "---\ntitle: Area Two\n---\nA new paragraph the translation lacks.\n"])
        let now = SourceHash.of(Data("---\ntitle: Area Two\n---\nA new paragraph the translation lacks.\n".utf8))
        XCTAssertEqual(state(report(folder.url), "areas/two", "ru"), .stale(recorded: hash, now: now))
        XCTAssertEqual(report(folder.url)?.problems.contains { $0.item == "areas/two" && $0.language == "ru" }, true)

        guard case .success(let second) = SourceHashMarker.mark(russian, contentDirectory: folder.url) else {
            return XCTFail("not marked")
        }
        XCTAssertEqual(second, now)
        XCTAssertEqual(state(report(folder.url), "areas/two", "ru"), .current)
        XCTAssertEqual(
            try String(contentsOf: russian, encoding: .utf8).components(separatedBy: "sourceHash").count, 2,
            "the line is replaced, not added again")
    }

    func testMarkCurrentKeepsEveryOtherByte() throws {
        let folder = TemporaryFolder()
        folder.write(SmallSite.files)
        // Windows line endings, a byte order mark and a comment survive untouched.
        let original =
            "\u{FEFF}---\r\ntitle: Встреча\r\n# keep this comment\r\nsourceHash: 000000000000\r\n---\r\n"
            + "Текст.\r\n"
        folder.write(["events/2025/meeting/ru.md": original])
        let file = folder.url.appendingPathComponent("events/2025/meeting/ru.md")
        guard case .success(let hash) = SourceHashMarker.mark(file, contentDirectory: folder.url) else {
            return XCTFail("not marked")
        }
        XCTAssertEqual(
            try Data(contentsOf: file), Data(original.replacingOccurrences(of: "000000000000", with: hash).utf8))
        XCTAssertEqual(state(report(folder.url), "events/2025/meeting", "ru"), .current)
    }

    func testMarkCurrentRefusesTheSourceTextAndFilesOutsideTheContent() throws {
        let folder = TemporaryFolder()
        folder.write(SmallSite.files)
        for path in ["areas/two/en.md", "../elsewhere.md"] {
            guard
                case .failure(let failure) = SourceHashMarker.mark(
                    folder.url.appendingPathComponent(path), contentDirectory: folder.url)
            else {
                return XCTFail("\(path) was marked")
            }
            XCTAssertEqual(failure.diagnostics.count, 1)
        }
    }

    func testALoaderRejectsAMalformedSourceHash() throws {
        let folder = TemporaryFolder()
        folder.write(SmallSite.files)
        folder.write(["areas/two/ru.md": "---\ntitle: Направление два\nsourceHash: [1, 2]\n---\n"])
        guard case .failure(let failure) = ContentLoader.load(contentDirectory: folder.url) else {
            return XCTFail("loaded")
        }
        XCTAssertEqual(failure.diagnostics.map(\.message), ["'sourceHash' must be text, not a list"])
        folder.write(["areas/two/ru.md": "---\ntitle: Направление два\nsourceHash: XYZ\n---\n"])
        guard case .failure(let second) = ContentLoader.load(contentDirectory: folder.url) else {
            return XCTFail("loaded")
        }
        XCTAssertEqual(
            second.diagnostics.map(\.description).first?.hasSuffix(
                "areas/two/ru.md:3:13: error: 'sourceHash' must be 12 hex digits (0-9, a-f), "
                    + "as `plansite status --mark-current` writes it, not 'XYZ'"
            ), true,
            second.diagnostics.map(\.description).joined())
    }
}
