import Foundation
import XCTest
@testable import PlanSite

/// Output paths as users give them: inside the content, through a symbolic link, holding files
/// PlanSite did not write (issue 17, point 6).
final class OutputLocationTests: SmallSiteTestCase {
    private func messages(_ result: Result<BuildSummary, BuildFailure>) -> [String] {
        guard case .failure(let failure) = result else { return ["built"] }
        return failure.diagnostics.map(\.message)
    }

    func testAnOutputFolderInsideTheContentOrThemeIsRefused() throws {
        let inside = content.url.appendingPathComponent("public")
        XCTAssertEqual(
            messages(SiteBuilder.build(BuildOptions(content: content.url, theme: Package.theme, output: inside))),
            [
                "the output folder is inside \(DisplayPath.of(content.url)), which the build reads; "
                    + "choose an --output outside it"
            ])
        // Through a link the check still sees where the folder is.
        let link = output.url.appendingPathComponent("content-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: content.url)
        let throughLink = link.appendingPathComponent("public")
        XCTAssertEqual(
            messages(
                SiteBuilder.build(
                    BuildOptions(
                        content: content.url, theme: Package.theme,
                        output: throughLink))
            ).count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: inside.path))
    }

    func testAnOutputThatIsALinkIsUpdatedThroughIt() throws {
        let real = output.url.appendingPathComponent("releases/site")
        _ = try XCTUnwrap(build(content: content.url, output: real))
        let link = output.url.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed\n---\n"])
        _ = try XCTUnwrap(build(content: content.url, output: link))
        let attributes = try FileManager.default.attributesOfItem(atPath: link.path)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeSymbolicLink, "the link stays a link")
        XCTAssertTrue(
            try String(contentsOf: real.appendingPathComponent("en/events/forum/index.html"), encoding: .utf8)
                .contains("Forum, renamed"))
    }

    func testAFullBuildKeepsWhatPlanSiteDidNotWrite() throws {
        let out = output.url.appendingPathComponent("public")
        _ = try XCTUnwrap(build(content: content.url, output: out))
        output.write([
            "public/CNAME": "plan.example.org\n", "public/.git/HEAD": "ref: refs/heads/main\n",
            "public/en/extra.txt": "kept\n"
        ])
        // No record of the last build: the next one is a full build, swapped in whole.
        try FileManager.default.removeItem(at: output.url.appendingPathComponent(".public.plansite-manifest"))
        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed\n---\n"])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertEqual(output.read("public/CNAME"), "plan.example.org\n")
        XCTAssertEqual(output.read("public/.git/HEAD"), "ref: refs/heads/main\n")
        XCTAssertEqual(output.read("public/en/extra.txt"), "kept\n")
        XCTAssertTrue(output.read("public/en/events/forum/index.html").contains("Forum, renamed"))
    }
}
