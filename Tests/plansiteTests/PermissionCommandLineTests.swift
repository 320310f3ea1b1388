import Foundation
import XCTest

/// Issue 17: folders and files the build may not read or write. Run as the user `nobody` when
/// the tests run as root, whom no permission stops (`CommandLineTestCase.start`).
final class PermissionCommandLineTests: CommandLineTestCase {
    override func setUpWithError() throws {
        if geteuid() == 0 && !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            throw XCTSkip("running as root without setpriv: no permission would stop the build")
        }
        try super.setUpWithError()
        try copySmallSite()
        // The unprivileged build writes its output (and the files beside it) here.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: work.path)
    }

    override func tearDown() {
        // Give back what a test took away, so the folder can be removed.
        if let work, let walk = FileManager.default.enumerator(atPath: work.path) {
            for case let path as String in walk {
                try? Self.permit(0o755, work.appendingPathComponent(path))
            }
        }
        super.tearDown()
    }

    private static func permit(_ permissions: Int, _ url: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path)
    }

    /// It was reported as "missing meta.yaml" and "has no text".
    func testAnUnreadableFolderIsReportedAsUnreadable() throws {
        try Self.permit(0, work.appendingPathComponent("content/areas/beta"))
        let result = try run(["check"], unprivileged: true)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            """
            content/areas/beta: error: cannot read the folder: Permission denied
            1 error; nothing was written

            """)
    }

    /// A failed move said only "The operation could not be completed. A file with the same
    /// name already exists." Here a folder left beside the output that the build may not remove
    /// stands where a full build moves the previous site aside.
    func testAFailedMoveNamesBothPaths() throws {
        XCTAssertEqual(try run(["build", "--quiet"], unprivileged: true).status, 0)
        let retired = work.appendingPathComponent(".public.plansite-old")
        try FileManager.default.createDirectory(
            at: retired.appendingPathComponent("kept"),
            withIntermediateDirectories: true)
        try Self.permit(0o555, retired)
        try FileManager.default.removeItem(at: work.appendingPathComponent(".public.plansite-manifest"))
        let result = try run(["build"], unprivileged: true)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            """
            public: error: cannot write the site: cannot move public to .public.plansite-old: \
            A file with the same name already exists.
            1 error; nothing was written

            """)
    }

    /// A file that cannot be written is named (this held before issue 17; kept so it stays so).
    func testAFileThatCannotBeWrittenIsNamed() throws {
        XCTAssertEqual(try run(["build", "--quiet"], unprivileged: true).status, 0)
        try Self.permit(0o555, work.appendingPathComponent("public/en"))
        let home = work.appendingPathComponent("content/home/en.md")
        try (String(contentsOf: home, encoding: .utf8) + "\nOne more line.\n")
            .write(to: home, atomically: true, encoding: .utf8)
        let result = try run(["build"], unprivileged: true)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("public: error: cannot write the site: "), result.stderr)
        // The in-place update stopped at that file and put back what it had moved in.
        XCTAssertTrue(
            result.stderr.contains(
                "public/en/index.html: Permission denied; every file moved in was put back: "
                    + "the output folder is the previous site\n"), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("1 error; nothing was written\n"), result.stderr)
    }
}
