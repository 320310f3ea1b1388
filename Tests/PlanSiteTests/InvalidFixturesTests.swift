import FixtureAssembly
import Foundation
import XCTest

@testable import PlanSite

/// The invalid cases are `Fixtures/invalid/base` plus the files each case changes: the base is
/// a valid site, so every problem a case shows comes from its own files.
final class InvalidFixturesTests: XCTestCase {
    func testTheBaseIsAValidSite() throws {
        let site = try XCTUnwrap(Fixtures.invalidBase.loadSite())
        XCTAssertEqual(site.config.languages.map(\.code), ["en", "ru", "kk"])
        XCTAssertEqual(site.areas.map(\.slug), ["alpha", "beta"])
        XCTAssertEqual(site.documents.map(\.slug), ["charter"])
        XCTAssertEqual(site.events.map(\.slug), ["kickoff-meeting"])
        switch Fixtures.invalidBase.check() {
        case .success: break
        case .failure(let failure): XCTFail(failure.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }

    /// Every case but the valid variants (`InvalidFixtures.validVariants`) fails the check.
    func testEveryCaseFailsTheCheck() throws {
        let names = try Fixtures.invalidCases.caseNames()
        XCTAssertGreaterThanOrEqual(names.count, 50)
        for name in names where !InvalidFixtures.validVariants.contains(name) {
            if case .success = Fixtures.invalid(name).check() { XCTFail("\(name) passed the check") }
        }
    }

    func testARemovedFileIsGoneFromTheAssembledCase() {
        let fixture = Fixtures.invalid("missing-site-yaml")
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.url.appendingPathComponent("site.yaml").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.url.appendingPathComponent("home/en.md").path))
    }

    /// A case folder holds only what it changes: a whole copied site (a file equal to the base's)
    /// or a removal of a file the base lacks is refused.
    func testACaseMustChangeWhatItHolds() throws {
        let folder = TemporaryFolder()
        let cases = InvalidFixtures(root: folder.url.appendingPathComponent("invalid"))
        try FileManager.default.createDirectory(at: cases.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.invalidBase.url, to: cases.base)
        folder.write([
            "invalid/copied/site.yaml": folder.read("invalid/base/site.yaml"),
            "invalid/stale/REMOVED": "areas/gamma/en.md\n",
            "invalid/changed/areas/alpha/meta.yaml": "number: 7\n"
        ])
        let output = folder.url.appendingPathComponent("out")
        XCTAssertThrowsError(try cases.assemble("copied", into: output))
        XCTAssertThrowsError(try cases.assemble("stale", into: output))
        XCTAssertThrowsError(try cases.assemble("missing", into: output))
        let site = try cases.assemble("changed", into: output)
        XCTAssertEqual(
            try String(contentsOf: site.appendingPathComponent("areas/alpha/meta.yaml"), encoding: .utf8),
            "number: 7\n")
        XCTAssertEqual(TemporaryFolder.list(site), TemporaryFolder.list(cases.base))
    }
}
