import Foundation
import XCTest

@testable import PlanSite

/// A build killed inside `commit`, between its two renames, leaves the previous site under
/// the retired name; the next build puts it back before anything else (issue 5).
final class InterruptedSwapTests: XCTestCase {
    func testThePreviousSiteIsPutBackAfterAKillBetweenTheRenames() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("public")
        let writer = OutputWriter(output: output)
        try writer.begin()
        try writer.write("index.html", Data("previous".utf8))
        try writer.commit()
        // The state a kill after the first rename leaves: no output, the old site retired,
        // the new one staged.
        try FileManager.default.moveItem(at: output, to: folder.url.appendingPathComponent(".public.plansite-old"))
        folder.write([".public.plansite-staging/index.html": "half"])

        let next = OutputWriter(output: output)
        XCTAssertNil(next.check(protecting: []))
        XCTAssertEqual(folder.read("public/index.html"), "previous")
        XCTAssertEqual(TemporaryFolder.list(folder.url), [
            ".public.plansite-manifest", ".public.plansite-staging/index.html", "public/.plansite-output", "public/index.html",
        ])
        try next.begin()
        try next.write("index.html", Data("next".utf8))
        try next.commit()
        XCTAssertEqual(TemporaryFolder.list(folder.url), [".public.plansite-manifest", "public/.plansite-output", "public/index.html"])
        XCTAssertEqual(folder.read("public/index.html"), "next")
    }
}
