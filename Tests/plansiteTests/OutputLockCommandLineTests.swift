import Foundation
import XCTest
#if canImport(Glibc)
    import Glibc
#endif

/// Issue 17: two builds of one output folder at once shared its staging folder; one removed
/// the other's files, and a build exited 0 with part of the site missing. A build now holds a
/// lock beside the output folder: another waits for it, or with `--no-wait` fails at once.
final class OutputLockCommandLineTests: CommandLineTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try copySite()
    }

    private static let busy =
        "another build of public is running; try again when it has finished "
        + "(or leave out --no-wait to wait for it)"

    /// Every file below `root` (relative path -> bytes).
    static func files(_ root: URL) -> [String: Data] {
        var found: [String: Data] = [:]
        let prefix = root.standardizedFileURL.path.count + 1
        let regular: Set<URLResourceKey> = [.isRegularFileKey]
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: Array(regular)) else {
            return found
        }
        for case let url as URL in walk where (try? url.resourceValues(forKeys: regular).isRegularFile) == true {
            found[String(url.standardizedFileURL.path.dropFirst(prefix))] = try? Data(contentsOf: url)
        }
        return found
    }

    /// Holds the lock as a build would (an advisory flock on `.public.plansite-lock`).
    private func holdLock() throws -> Int32 {
        let file = work.appendingPathComponent(".public.plansite-lock").path
        let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        XCTAssertEqual(flock(descriptor, LOCK_EX | LOCK_NB), 0)
        return descriptor
    }

    func testABuildWaitsWhileAnotherHoldsTheOutputThenBuilds() throws {
        let descriptor = try holdLock()
        let (process, out, err) = try start(["build", "--quiet"])
        Thread.sleep(forTimeInterval: 2)
        XCTAssertTrue(process.isRunning, "the build did not wait for the lock")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("public").path))
        close(descriptor)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, errors)
        XCTAssertEqual(errors, "waiting for another build of public to finish…\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("public/en/index.html").path))
    }

    func testWithNoWaitABuildFailsAtOnceWhileAnotherHoldsTheOutput() throws {
        let descriptor = try holdLock()
        defer { close(descriptor) }
        let result = try run(["build", "--no-wait"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            """
            public: error: \(Self.busy)
            1 error; nothing was written

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("public").path))
    }

    /// Three real builds started together, twice over (the second time they update in place):
    /// each exits 0 and the output is the site a build alone makes, file for file. Without the
    /// lock, most runs of this test fail.
    func testTwoBuildsAtOnceLeaveTheWholeSite() throws {
        XCTAssertEqual(try run(["build", "--quiet", "--output", "alone"]).status, 0)
        let alone = Self.files(work.appendingPathComponent("alone"))
        XCTAssertGreaterThan(alone.count, 50)
        for round in 1...2 {
            if round == 2 {
                // A change, so the second round has something to write.
                let home = work.appendingPathComponent("content/home/en.md")
                try (String(contentsOf: home, encoding: .utf8) + "\nOne more line.\n")
                    .write(to: home, atomically: true, encoding: .utf8)
                XCTAssertEqual(try run(["build", "--quiet", "--output", "alone"]).status, 0)
            }
            let builds = try (1...3).map { _ in try start(["build", "--quiet"]) }
            for (process, out, err) in builds {
                _ = out.fileHandleForReading.readDataToEndOfFile()
                let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                XCTAssertEqual(process.terminationStatus, 0, "round \(round): \(errors)")
            }
            XCTAssertEqual(
                Self.files(work.appendingPathComponent("public")),
                Self.files(work.appendingPathComponent("alone")), "round \(round)")
        }
    }

    /// `serve` takes the same lock for its first look at the output and for each build.
    func testServeWaitsForAnotherBuildThenServes() throws {
        let descriptor = try holdLock()
        let (process, out, err) = try start(["serve", "--port", "0"])
        defer { if process.isRunning { process.terminate() } }
        Thread.sleep(forTimeInterval: 2)
        XCTAssertTrue(process.isRunning)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("public").path))
        close(descriptor)
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("(Ctrl-C to stop)") && Date() < deadline && process.isRunning {
            printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        XCTAssertTrue(printed.contains("built "), printed)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(errors, "waiting for another build of public to finish…\n")
    }

    func testServeWithNoWaitFailsAtOnceWhileAnotherHoldsTheOutput() throws {
        let descriptor = try holdLock()
        defer { close(descriptor) }
        let result = try run(["serve", "--port", "0", "--no-wait"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            """
            public: error: \(Self.busy)
            1 error; nothing was written

            """)
    }
}
