import Foundation
import XCTest
@testable import PlanSite

/// The manifest is read and written on every build: it must come back as it was written, and
/// anything else (another version, a damaged or cut file, a path leaving the output folder) must
/// never be taken for one.
final class BuildManifestTests: XCTestCase {
    private let manifest = BuildManifest(
        fingerprint: "f00d",
        files: [
            "index.html": .init(hash: 1, size: 120, modified: 1_700_000_000_123_456_789),
            "en/events/forum/index.html": .init(hash: .max, size: 0, modified: -5, reuseKey: 7),
            "kk/іс-шаралар/index.html": .init(hash: 1, size: 3, modified: 2, reuseKey: .max)
        ])

    func testAManifestComesBackAsItWasWritten() {
        XCTAssertEqual(BuildManifest.parse(manifest.serialized()), manifest)
        XCTAssertEqual(
            BuildManifest.parse(BuildManifest(fingerprint: "", files: [:]).serialized()),
            BuildManifest(fingerprint: "", files: [:]))
    }

    func testTheSameFilesAreWrittenInTheSameOrder() {
        var reordered = BuildManifest(fingerprint: manifest.fingerprint, files: [:])
        for path in manifest.files.keys.sorted().reversed() { reordered.files[path] = manifest.files[path] }
        XCTAssertEqual(reordered.serialized(), manifest.serialized())
    }

    func testADamagedOrCutManifestIsIgnored() {
        let good = manifest.serialized()
        for length in 0..<good.count {
            XCTAssertNil(BuildManifest.parse(Array(good.prefix(length))), "cut at \(length)")
        }
        for index in good.indices {
            var flipped = good
            flipped[index] ^= 0x01
            XCTAssertNil(BuildManifest.parse(flipped), "byte \(index) changed")
        }
        XCTAssertNil(BuildManifest.parse(good + [0]))
        // The text form of the previous version.
        XCTAssertNil(BuildManifest.parse(Array("plansite-manifest 2\nfingerprint x\n1 2 3 - index.html\n".utf8)))
    }

    func testAPathThatCouldLeaveTheOutputFolderIsNeverTaken() {
        for path in ["../escape", "a/../../escape", "/etc/passwd", "a//b", "a\\b", "", ".", "a/\u{1}"] {
            // A sound manifest in every other way: the checksum matches.
            let hostile = BuildManifest(
                fingerprint: "x",
                files: [
                    "index.html": .init(hash: 1, size: 1, modified: 1),
                    path: .init(hash: 2, size: 2, modified: 2)
                ])
            XCTAssertNil(BuildManifest.parse(hostile.serialized()), path)
            XCTAssertThrowsError(try OutputPath.check(path), path)
        }
    }
}
