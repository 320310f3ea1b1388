import Foundation
import XCTest
@testable import PlanSite

/// The input listing lists the folders two levels down on every core and puts them back in
/// place: what it gives is what a walk on one thread gives, byte for byte.
final class InputListingTests: XCTestCase {
    func testTheListingOnEveryCoreIsTheListingOnOneThread() throws {
        let content = TemporaryFolder()
        content.write(SmallSite.files)
        // More of what a large site has: years of events, files directly in a kind's folder and
        // deeper, links (listed, never followed) in and below the folders listed apart.
        var more: [String: String] = ["events/README.md": "notes\n", "areas/README.md": "notes\n"]
        for year in 2024...2027 {
            for number in 1...5 {
                more["events/\(year)/event-\(number)/en.md"] = "---\ntitle: Event \(number)\n---\nBody \(year).\n"
                more["events/\(year)/event-\(number)/meta.yaml"] = "start: \(year)-05-0\(number)\n"
            }
            more["events/\(year)/group/deeper-\(year)/en.md"] = "---\ntitle: Deeper\n---\n"
        }
        content.write(more)
        try FileManager.default.createSymbolicLink(
            atPath: content.url.appendingPathComponent("events/2025/event-1/link.md").path,
            withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(
            atPath: content.url.appendingPathComponent("home/link.md").path,
            withDestinationPath: "en.md")
        let root = content.url.standardizedFileURL.path

        let everyCore = InputListing(of: root)
        let oneThread = InputListing(subtree: root, relative: "")
        XCTAssertEqual(everyCore.bytes, oneThread.bytes)
        XCTAssertEqual(everyCore.folders.map(\.path), oneThread.folders.map(\.path))
        XCTAssertEqual(everyCore.folders.map(\.lines), oneThread.folders.map(\.lines))
        XCTAssertEqual(everyCore.walked.links, oneThread.walked.links)
        XCTAssertEqual(everyCore.walked.links, ["events/2025/event-1/link.md", "home/link.md"])
        XCTAssertEqual(
            everyCore.walked.entries.mapValues { $0.map(\.name).sorted() },
            oneThread.walked.entries.mapValues { $0.map(\.name).sorted() })
        XCTAssertTrue(everyCore.folders.map(\.path).contains("events/2026/group/deeper-2026"))
        XCTAssertEqual(everyCore.walked.entries["events/2027"]?.count, 6)
    }
}
