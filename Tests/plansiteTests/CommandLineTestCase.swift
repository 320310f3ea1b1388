import Foundation
import XCTest

/// Runs the `plansite` executable in a fresh working folder, as a user would.
class CommandLineTestCase: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: work)
        work = nil  // XCTest on Linux never frees a test case (AddressSanitizer's leak check)
    }

    /// The executable sits in the build folder with the test bundle (on Linux the bundle URL is
    /// that folder; on macOS it is the `.xctest` inside it).
    var executable: URL {
        var folder = Bundle(for: CommandLineTestCase.self).bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("plansite")
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Starts `plansite` in `folder` (the working folder by default) without waiting for it;
    /// `environment` is added to the test's own. `unprivileged`: as the user `nobody`, through
    /// setpriv, when the tests run as root (whom no permission stops).
    func start(
        _ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:],
        unprivileged: Bool = false
    ) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if unprivileged && geteuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path] + arguments
        }
        process.currentDirectoryURL = folder ?? work
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1717000000"
        environment.merge(extra) { _, given in given }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    func run(_ arguments: [String], environment: [String: String] = [:], unprivileged: Bool = false) throws -> Run {
        let (process, out, err) = try start(arguments, environment: environment, unprivileged: unprivileged)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Copies the real content and theme into the working folder, so paths print relative to it.
    func copySite() throws {
        for name in ["content", "theme"] {
            try FileManager.default.copyItem(
                at: Self.packageRoot.appendingPathComponent(name), to: work.appendingPathComponent(name))
        }
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: work.appendingPathComponent(path))
    }
}
