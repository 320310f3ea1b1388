import Foundation
import XCTest
@testable import PlanSite

/// An in-place update leaves the old site or the new one, never a mix: a step that fails undoes
/// every step before it.
final class UpdateJournalTests: XCTestCase {
    private func contents(_ root: URL) -> [String: String] {
        var files: [String: String] = [:]
        for file in TemporaryFolder.list(root) {
            files[file] = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? "?"
        }
        return files
    }

    private func paths(_ folder: TemporaryFolder) -> (staging: String, output: String, replaced: String) {
        (
            folder.url.appendingPathComponent("staging").path, folder.url.appendingPathComponent("public").path,
            folder.url.appendingPathComponent("replaced").path
        )
    }

    func testAFailedStepPutsEveryEarlierStepBack() throws {
        let folder = TemporaryFolder()
        folder.write([
            "public/a.html": "old a", "public/b.html": "old b", "public/c": "a file in the way",
            "public/gone/page.html": "old gone",
            "staging/a.html": "new a", "staging/b.html": "new b", "staging/c/x.html": "new x"
        ])
        let before = contents(folder.url.appendingPathComponent("public"))
        // c/x.html cannot be moved in: c is a file of the old site, not a folder.
        let update = UpdateJournal(moves: ["a.html", "b.html", "c/x.html"], removals: ["gone/page.html"])
        let (staging, output, replaced) = paths(folder)
        XCTAssertThrowsError(try update.apply(staging: staging, output: output, replaced: replaced)) { error in
            XCTAssertEqual((error as? UpdateJournal.Failed)?.rolledBack, true)
        }
        XCTAssertEqual(contents(folder.url.appendingPathComponent("public")), before)
        XCTAssertEqual(
            contents(folder.url.appendingPathComponent("staging")),
            ["a.html": "new a", "b.html": "new b", "c/x.html": "new x"])
    }

    func testACompleteUpdateLeavesNothingAside() throws {
        let folder = TemporaryFolder()
        folder.write([
            "public/a.html": "old a", "public/gone/page.html": "old gone", "staging/a.html": "new a",
            "staging/n/new.html": "new page"
        ])
        let (staging, output, replaced) = paths(folder)
        try UpdateJournal(moves: ["a.html", "n/new.html"], removals: ["gone/page.html"])
            .apply(staging: staging, output: output, replaced: replaced)
        XCTAssertEqual(
            contents(folder.url.appendingPathComponent("public")), ["a.html": "new a", "n/new.html": "new page"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: replaced))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/gone"))
    }
}
