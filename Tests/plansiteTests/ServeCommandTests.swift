import Foundation
import XCTest
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `plansite serve` as a process: it prints its address, answers, and stops cleanly on Ctrl-C.
final class ServeCommandTests: CommandLineTestCase {
    func testServesAndStopsOnInterrupt() throws {
        try copySite()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = work
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The first line names the address once the site is built.
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("(Ctrl-C to stop)") && Date() < deadline && process.isRunning {
            printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        let address = try XCTUnwrap(
            printed.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression).map { String(printed[$0]) },
            printed)
        XCTAssertTrue(printed.contains("built "), printed)

        let (body, response) = try fetch(URL(string: address + "en/")!)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
        XCTAssertTrue(body.contains("plansite-live-reload"))

        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(rest.hasSuffix("stopped\n"), rest)
        XCTAssertFalse(
            try String(contentsOf: work.appendingPathComponent("public/en/index.html"), encoding: .utf8).contains(
                "plansite-live-reload"))
    }

    private func fetch(_ url: URL) throws -> (String, URLResponse?) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Data?, URLResponse?, Error?)
        URLSession.shared.dataTask(with: url) { data, response, error in
            result = (data, response, error)
            done.signal()
        }.resume()
        done.wait()
        if let error = result.2 { throw error }
        return (String(decoding: result.0 ?? Data(), as: UTF8.self), result.1)
    }
}
