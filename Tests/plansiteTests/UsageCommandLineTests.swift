import Foundation
import XCTest

/// Issue 17: what the command line and the environment give is checked before anything is
/// built; a mistake there is a usage error (exit status 2) naming the option or variable.
final class UsageCommandLineTests: CommandLineTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try copySmallSite()
    }

    /// A malformed value silently used the clock: the build was not reproducible, unsaid.
    func testAMalformedSourceDateEpochIsAUsageError() throws {
        for value in ["abc", "1735689600.5", "-5", " 1735689600"] {
            for command in ["build", "check"] {
                let result = try run([command], environment: ["SOURCE_DATE_EPOCH": value])
                XCTAssertEqual(result.status, 2, "\(command) \(value): \(result.stderr)")
                let message =
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 00:00 UTC, "
                    + "such as 1735689600, not '\(value)'"
                XCTAssertTrue(result.stderr.contains(message), result.stderr)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("public").path))
        XCTAssertEqual(try run(["build", "--quiet"], environment: ["SOURCE_DATE_EPOCH": "1735689600"]).status, 0)
    }

    /// Foundation percent-encoded these, and the site was built with them.
    func testABaseURLWithASpaceOrAQuoteIsAUsageError() throws {
        let urls = [
            "https://example.org/my plan/", "https://example.org/\"plan\"/", "https://example.org/plan'/",
            "https://exa mple.org/"
        ]
        for url in urls {
            let result = try run(["build", "--base-url", url])
            XCTAssertEqual(result.status, 2, "\(url): \(result.stderr)")
            let message = "--base-url must be an absolute http or https URL with no spaces or quotes"
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("public").path))
    }

    /// The files kept beside the output are named after it; past the file system's limit on a
    /// name they could not be written, and incremental builds quietly stopped.
    func testAnOutputNameTooLongForTheFilesBesideItIsAUsageError() throws {
        let name = String(repeating: "o", count: 200)
        let result = try run(["build", "--output", name])
        XCTAssertEqual(result.status, 2, result.stderr)
        let message =
            "--output: the folder name is 200 bytes long; PlanSite keeps files beside it named after it "
            + "(.NAME.plansite-manifest, .NAME.plansite-fragments-LANG, …), so on this file system (names of at most "
            + "255 bytes) it may be at most 190 bytes"
        // ArgumentParser may wrap its message: compared without line breaks.
        XCTAssertTrue(result.stderr.replacingOccurrences(of: "\n", with: " ").contains(message), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent(name).path))
        XCTAssertEqual(try run(["build", "--quiet", "--output", String(repeating: "o", count: 190)]).status, 0)
    }
}

extension CommandLineTestCase {
    /// The small valid site of the fixtures (`Fixtures/invalid/base`) as `content`, and the theme.
    func copySmallSite() throws {
        let base = Self.packageRoot.appendingPathComponent("Tests/PlanSiteTests/Fixtures/invalid/base")
        try FileManager.default.copyItem(at: base, to: work.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("theme"),
            to: work.appendingPathComponent("theme"))
    }
}
