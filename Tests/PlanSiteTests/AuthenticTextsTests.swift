import Foundation
import XCTest
@testable import PlanSite

/// `authentic: [en, ru]` in meta.yaml (`AuthenticReader`): each listed text is a source for
/// `plansite status`, tracked against itself only; a reader of another language is told which
/// texts are the originals (`DocumentPageBuilder`). And `--strict` fails on stale and
/// unrecorded translations, never on missing ones.
final class AuthenticTextsTests: XCTestCase {
    private func report(_ content: URL, file: StaticString = #filePath, line: UInt = #line) -> TranslationReport? {
        switch TranslationStatus.check(contentDirectory: content) {
        case .success(let report): return report
        case .failure(let failure):
            XCTFail(failure.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
            return nil
        }
    }

    private func entry(_ report: TranslationReport?, _ item: String, _ language: String) -> TranslationStatusEntry? {
        report?.entries.first { $0.item == item && $0.language == language }
    }

    /// The small site's plan in English and Russian, both authentic.
    private func siteWithAuthenticPlan() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write(SmallSite.files)
        folder.write(["documents/plan/meta.yaml": "order: 1\nauthentic: [ru, en]\n"])
        return folder
    }

    func testEachAuthenticTextIsASourceTrackedAgainstItself() throws {
        let folder = siteWithAuthenticPlan()
        var status = report(folder.url)
        XCTAssertEqual(entry(status, "documents/plan", "en")?.state, .source)
        XCTAssertEqual(entry(status, "documents/plan", "ru")?.state, .source, "not 'unrecorded': it is no translation")
        XCTAssertEqual(entry(status, "documents/plan", "ru")?.sourceLanguage, "ru")
        XCTAssertEqual(entry(status, "documents/plan", "kk")?.state, .missing(fallback: "ru"))
        let lines = status?.lines.map { $0.split(separator: " ").joined(separator: " ") } ?? []
        XCTAssertTrue(lines.contains("documents/plan ru source"), "\(lines)")

        // Editing one original leaves the other a source: neither is stale against the other.
        folder.write(["documents/plan/en.md": "---\ntitle: The Plan\n---\nAn amended paragraph.\n"])
        status = report(folder.url)
        XCTAssertEqual(entry(status, "documents/plan", "ru")?.state, .source)
        XCTAssertEqual(status?.problems.filter { $0.item == "documents/plan" }.count, 0)
    }

    /// A translation of an item with authentic texts is made from the first of them in
    /// site.yaml's order (en here, though meta.yaml lists ru first).
    func testATranslationIsTrackedAgainstTheFirstAuthenticText() throws {
        let folder = siteWithAuthenticPlan()
        folder.write(["documents/plan/kk.md": "---\ntitle: Жоспар\n---\nМәтін.\n"])
        XCTAssertEqual(entry(report(folder.url), "documents/plan", "kk")?.state, .unrecorded)
        let kazakh = folder.url.appendingPathComponent("documents/plan/kk.md")
        guard case .success(let hash) = SourceHashMarker.mark(kazakh, contentDirectory: folder.url) else {
            return XCTFail("not marked")
        }
        let english = try Data(contentsOf: folder.url.appendingPathComponent("documents/plan/en.md"))
        XCTAssertEqual(hash, SourceHash.of(english))
        XCTAssertEqual(entry(report(folder.url), "documents/plan", "kk")?.state, .current)
        folder.write(["documents/plan/ru.md": "---\ntitle: План\n---\nИзменённый текст.\n"])
        XCTAssertEqual(
            entry(report(folder.url), "documents/plan", "kk")?.state, .current,
            "ru is not what kk was made from")
        folder.write(["documents/plan/en.md": "---\ntitle: The Plan\n---\nAn amended paragraph.\n"])
        guard case .stale = entry(report(folder.url), "documents/plan", "kk")?.state else {
            return XCTFail("kk is not stale")
        }
        XCTAssertEqual(entry(report(folder.url), "documents/plan", "kk")?.sourceLanguage, "en")
    }

    func testMarkCurrentRefusesAnAuthenticText() {
        let folder = siteWithAuthenticPlan()
        let russian = folder.url.appendingPathComponent("documents/plan/ru.md")
        let before = folder.read("documents/plan/ru.md")
        guard case .failure(let failure) = SourceHashMarker.mark(russian, contentDirectory: folder.url) else {
            return XCTFail("an authentic text was marked")
        }
        XCTAssertEqual(
            failure.diagnostics.map(\.message),
            [
                "this is an authentic text of the item ('authentic' in its meta.yaml): a source, "
                    + "tracked against itself; "
                    + "only translations record a sourceHash"
            ])
        XCTAssertEqual(folder.read("documents/plan/ru.md"), before)
    }

    func testStrictFailsOnStaleAndUnrecordedNotOnMissing() {
        let folder = TemporaryFolder()
        folder.write(SmallSite.files)
        var status = report(folder.url)
        XCTAssertEqual(
            status?.problems.map { "\($0.item) \($0.language) \($0.state.word)" }.sorted(),
            [
                "areas/two ru unrecorded", "documents/plan ru unrecorded", "events/2025/meeting ru unrecorded",
                "home ru unrecorded"
            ])
        for path in ["areas/two/ru.md", "documents/plan/ru.md", "events/2025/meeting/ru.md", "home/ru.md"] {
            let file = folder.url.appendingPathComponent(path)
            guard case .success = SourceHashMarker.mark(file, contentDirectory: folder.url) else {
                return XCTFail("\(path) not marked")
            }
        }
        status = report(folder.url)
        XCTAssertEqual(status?.problems.count, 0)
        let missing = status?.entries.filter { if case .missing = $0.state { return true } else { return false } }
        XCTAssertGreaterThan(missing?.count ?? 0, 0, "missing translations are still listed")
        folder.write(["areas/two/en.md": "---\ntitle: Area Two\n---\nNew.\n"])
        XCTAssertEqual(
            report(folder.url)?.problems.map { "\($0.item) \($0.language) \($0.state.word)" },
            ["areas/two ru stale"])
    }

    func testAuthenticLanguagesAreTheSitesAndTheItemHasTheirTexts() {
        let site = Fixtures.renamedItems.overlaid([
            "documents/plan/meta.yaml": "order: 1\nauthentic: [en, fr, kk, en]\n"
        ])
        let path = site.fixture.path("documents/plan/meta.yaml")
        XCTAssertEqual(
            site.fixture.loadDiagnostics(),
            [
                "\(path):2:17: error: 'fr' in 'authentic' is not a language listed in site.yaml (en, ru, kk)",
                "\(path):2:21: error: 'kk' is listed in 'authentic', but 'plan' has no kk.md",
                "\(path):2:25: error: 'en' is listed twice in 'authentic'"
            ])
    }

    func testAReaderOfAnotherLanguageIsToldWhichTextsAreAuthentic() throws {
        let output = TemporaryFolder()
        let out = output.url.appendingPathComponent("public")
        _ = try XCTUnwrap(build(content: Fixtures.renamedItems.url, output: out, today: "2024-05-29"))
        let kk = try String(contentsOf: out.appendingPathComponent("kk/documents/plan/index.html"), encoding: .utf8)
        let note =
            "<h1>План</h1>\n<p class=\"authentic-texts\" lang=\"kk\">Түпнұсқа мәтіндер:\n"
            + "<a href=\"/plan/en/documents/plan/\" lang=\"en\" hreflang=\"en\">English</a>,\n"
            + "<a href=\"/plan/ru/documents/plan/\" lang=\"ru\" hreflang=\"ru\">Русский</a>\n</p>"
        XCTAssertTrue(kk.contains(note), kk)
        for language in ["en", "ru"] {
            let file = out.appendingPathComponent("\(language)/documents/plan/index.html")
            let own = try String(contentsOf: file, encoding: .utf8)
            XCTAssertFalse(own.contains("authentic-texts"), "a reader of an authentic text is not told: \(language)")
        }
        let other = try String(contentsOf: out.appendingPathComponent("kk/documents/note/index.html"), encoding: .utf8)
        XCTAssertFalse(other.contains("authentic-texts"), "a document that declares no authentic texts says nothing")
    }
}
