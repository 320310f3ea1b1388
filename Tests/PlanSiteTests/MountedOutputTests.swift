import Foundation
import XCTest
@testable import PlanSite

/// An output folder that is a mount point cannot be renamed: it is updated in place, by copies
/// (issue 17, point 6). The test mounts a tmpfs, so it runs only where that is allowed (root).
final class MountedOutputTests: SmallSiteTestCase {
    private var mounted: URL?

    override func tearDown() {
        if let mounted { _ = run("/bin/umount", [mounted.path]) }
        super.tearDown()
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testAMountPointIsUpdatedInPlace() throws {
        let out = output.url.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", out.path]) == 0 else {
            throw XCTSkip("mounting a tmpfs is not allowed here")
        }
        mounted = out
        XCTAssertTrue(OutputFolders.isMountPoint(out.path))
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertTrue(output.read("public/en/events/forum/index.html").contains("Forum"))
        output.write(["public/CNAME": "plan.example.org\n"])

        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed\n---\n"])
        try FileManager.default.removeItem(at: content.url.appendingPathComponent("events/2024/milestone"))
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertTrue(output.read("public/en/events/forum/index.html").contains("Forum, renamed"))
        XCTAssertFalse(
            FileManager.default.fileExists(
                atPath: out.appendingPathComponent("en/events/milestone").path + "/index.html"))
        XCTAssertEqual(output.read("public/CNAME"), "plan.example.org\n")
        XCTAssertTrue(OutputFolders.isMountPoint(out.path), "the mount point is still the output")

        // What a build without memory makes in a plain folder, byte for byte.
        let clean = TemporaryFolder()
        _ = try XCTUnwrap(build(content: content.url, output: clean.url.appendingPathComponent("public")))
        let made = TemporaryFolder.list(clean.url.appendingPathComponent("public"))
        XCTAssertEqual(TemporaryFolder.list(out).filter { $0 != "CNAME" }, made)
        for file in made {
            XCTAssertEqual(
                try Data(contentsOf: out.appendingPathComponent(file)),
                try Data(contentsOf: clean.url.appendingPathComponent("public/" + file)), file)
        }
    }
}
