import Foundation
import XCTest

@testable import PlanSite

/// A build killed inside `commit`, between its two renames, leaves the previous site under
/// the retired name; the next build puts it back before anything else (issue 5).
final class InterruptedSwapTests: XCTestCase {
    /// A first build of `files` into `public/` of `folder`; returns that output folder.
    private func previousSite(in folder: TemporaryFolder, _ files: [String: String] = ["index.html": "previous"]) throws
        -> URL
    {
        let output = folder.url.appendingPathComponent("public")
        let writer = OutputWriter.remembering(output)
        try writer.begin()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try writer.write(path, Data(text.utf8)) }
        try writer.commitAndRemember()
        return output
    }

    func testThePreviousSiteIsPutBackAfterAKillBetweenTheRenames() throws {
        let folder = TemporaryFolder()
        let output = try previousSite(in: folder)
        // The state a kill after the first rename leaves: no output, the old site retired,
        // the new one staged.
        try FileManager.default.moveItem(at: output, to: folder.url.appendingPathComponent(".public.plansite-old"))
        folder.write([".public.plansite-staging/index.html": "half"])

        let next = OutputWriter.remembering(output)
        XCTAssertNil(next.check(protecting: []))
        XCTAssertEqual(folder.read("public/index.html"), "previous")
        XCTAssertEqual(
            TemporaryFolder.list(folder.url),
            [
                ".public.plansite-manifest", ".public.plansite-staging/index.html", "public/.plansite-output",
                "public/index.html"
            ])
        try next.begin()
        try next.write("index.html", Data("next".utf8))
        try next.commitAndRemember()
        XCTAssertEqual(
            TemporaryFolder.list(folder.url),
            [".public.plansite-manifest", "public/.plansite-output", "public/index.html"])
        XCTAssertEqual(folder.read("public/index.html"), "next")
    }

    /// A rebuild updates the output in place through a journal; one killed while carrying it
    /// out is finished by the next run, before anything else.
    func testAnInterruptedUpdateIsFinishedByTheNextRun() throws {
        let folder = TemporaryFolder()
        let output = try previousSite(in: folder, ["index.html": "previous", "old/page.html": "gone next time"])
        // The state a kill leaves just after writing the journal: the new file staged, the
        // manifest removed, nothing moved yet.
        folder.write([
            ".public.plansite-staging/index.html": "next",
            ".public.plansite-journal": "plansite-journal 1\nremove old/page.html\nmove index.html\n"
        ])
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent(".public.plansite-manifest"))

        XCTAssertNil(OutputWriter.remembering(output).check(protecting: []))
        XCTAssertEqual(folder.read("public/index.html"), "next")
        XCTAssertEqual(TemporaryFolder.list(folder.url), ["public/.plansite-output", "public/index.html"])
    }

    func testAJournalThatIsNotPlanSitesIsIgnored() throws {
        let folder = TemporaryFolder()
        let output = try previousSite(in: folder)
        folder.write([".public.plansite-journal": "plansite-journal 1\nremove ../../etc/passwd\n"])
        XCTAssertNil(OutputWriter.remembering(output).check(protecting: []))
        XCTAssertEqual(folder.read("public/index.html"), "previous")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".public.plansite-journal").path))
    }

    func testAFailedUpdateKeepsWhatItsJournalNeeds() throws {
        let folder = TemporaryFolder()
        let output = try previousSite(in: folder)
        let next = OutputWriter.remembering(output)
        try next.begin()
        try next.write("index.html", Data("next".utf8))
        // As if moving failed half-way: the journal is written, the build gives up.
        folder.write([".public.plansite-journal": "plansite-journal 1\nmove index.html\n"])
        next.discard()
        XCTAssertEqual(folder.read(".public.plansite-staging/index.html"), "next")
        XCTAssertNil(OutputWriter.remembering(output).check(protecting: []))
        XCTAssertEqual(folder.read("public/index.html"), "next")
    }
}
