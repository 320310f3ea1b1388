import Foundation
import XCTest
@testable import PlanSite

/// Folders are listed with readdir: the kind of each entry comes from the listing, and the
/// content tree lists the same names in the same order whether it reads a folder again or
/// takes it from the search for escaping links.
final class FolderEntriesTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUp() {
        folder = TemporaryFolder()
        folder.write(["b.md": "b", "a/meta.yaml": "x", ".hidden": "h", "c/d/e.md": "e", "Z.md": "z"])
        let manager = FileManager.default
        try! manager.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("to-file").path, withDestinationPath: "b.md")
        try! manager.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("to-folder").path, withDestinationPath: "c")
        try! manager.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("nowhere").path, withDestinationPath: "missing")
    }

    override func tearDown() {
        folder = nil
    }

    func testKindsComeWithTheNames() {
        let kinds = Dictionary(uniqueKeysWithValues: FolderEntries.read(folder.url.path).map { ($0.name, $0.kind) })
        XCTAssertEqual(
            kinds,
            [
                "b.md": .file, "a": .folder, ".hidden": .file, "c": .folder, "Z.md": .file,
                "to-file": .symbolicLink, "to-folder": .symbolicLink, "nowhere": .symbolicLink
            ])
    }

    func testAFolderThatCannotBeOpenedHasNoEntries() {
        XCTAssertEqual(FolderEntries.read(folder.url.appendingPathComponent("missing").path).count, 0)
        XCTAssertEqual(FolderEntries.read(folder.url.appendingPathComponent("b.md").path).count, 0)
    }

    private func described(_ tree: ContentTree, _ relative: String) -> [String] {
        tree.entries(relative).map { $0.name + ($0.isDirectory ? "/" : "") }
    }

    func testTheContentTreeSortsSkipsHiddenFilesAndFollowsLinks() {
        let tree = ContentTree(root: folder.url)
        XCTAssertEqual(described(tree, ""), ["Z.md", "a/", "b.md", "c/", "nowhere", "to-file", "to-folder/"])
        XCTAssertEqual(tree.children("c"), ["d"])
        XCTAssertEqual(described(tree, "to-folder"), ["d/"])
        XCTAssertEqual(tree.children("missing"), [])
    }

    func testTheListingKeptFromTheLinkSearchIsTheSameAsReadingAgain() throws {
        let outside = TemporaryFolder()
        try FileManager.default.createSymbolicLink(
            at: folder.url.appendingPathComponent("c/out"), withDestinationURL: outside.url)
        let fresh = ContentTree(root: folder.url)
        var searched = ContentTree(root: folder.url)
        var log = DiagnosticLog()
        searched.refuseEscapingLinks(log: &log)
        XCTAssertEqual(log.entries.count, 1)
        for relative in ["", "a", "c", "c/d", "to-folder", "missing"] {
            XCTAssertEqual(
                described(searched, relative), described(fresh, relative).filter { relative != "c" || $0 != "out/" },
                relative)
        }
        XCTAssertEqual(searched.children("c"), ["d"])
    }
}
