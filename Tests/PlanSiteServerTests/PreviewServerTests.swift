import Foundation
import PlanSite
import XCTest
@testable import PlanSiteServer

/// `plansite serve`, started in this process on a free port and asked over a real socket.
final class PreviewServerTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    var work: URL!
    var content: URL { work.appendingPathComponent("content") }
    var output: URL { work.appendingPathComponent("public") }
    var serverTask: Task<Void, Error>?
    var running: PreviewServer.Running?
    let messages = MessageLog()

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("Tests/PlanSiteTests/Fixtures/valid-basic"), to: content)
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("theme"), to: work.appendingPathComponent("theme"))
    }

    override func tearDown() async throws {
        running?.stop()
        if case .failure(let error) = await serverTask?.result { XCTFail("the server failed: \(error)") }
        try? FileManager.default.removeItem(at: work)
    }

    /// Starts the server and waits for its first build.
    func start() async throws -> RawHTTP {
        let options = BuildOptions(content: content, theme: work.appendingPathComponent("theme"), output: output)
        var server = PreviewServer(options: options, port: 0) { [messages] in messages.append($0) }
        server.pollInterval = .milliseconds(50)
        server.settleInterval = .milliseconds(50)
        let (started, continuation) = AsyncStream.makeStream(of: PreviewServer.Running.self)
        serverTask = Task { try await server.run(handleSignals: false) { continuation.yield($0) } }
        for await server in started {
            running = server
            return RawHTTP(port: server.port)
        }
        throw RawHTTP.Failure("the server stopped before it was ready")
    }

    func edit(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: content.appendingPathComponent(path))
    }

    func testServesPagesWithTheScriptThatBuiltFilesDoNotHave() async throws {
        let http = try await start()
        let page = try http.get("/en/areas/alpha/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(page.body.contains("id=\"plansite-live-reload\""))
        let onDisk = try String(contentsOf: output.appendingPathComponent("en/areas/alpha/index.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("plansite-live-reload"), "the build itself has no script")
        XCTAssertEqual(page.body.replacingOccurrences(of: LiveReloadScript.html, with: ""), onDisk)

        XCTAssertEqual(
            try http.get("/en/areas/alpha").headers["location"], "/en/areas/alpha/",
            "a folder without its slash is redirected")
        let head = try http.get("/en/", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, "")
    }

    func testContentTypes() async throws {
        let http = try await start()
        let css = try XCTUnwrap(
            TemporaryList.files(output.appendingPathComponent("assets")).first { $0.hasSuffix(".css") })
        let reply = try http.get("/assets/" + css)
        XCTAssertEqual(reply.headers["content-type"], "text/css; charset=utf-8")
        XCTAssertFalse(reply.body.contains("plansite-live-reload"), "only HTML gets the script")
        XCTAssertEqual(try http.get("/404.html").headers["content-type"], "text/html; charset=utf-8")
        // Every kind the build writes, whether or not this build has one yet.
        XCTAssertEqual(ContentTypes.forFile("calendar.ics"), "text/calendar; charset=utf-8")
        XCTAssertEqual(ContentTypes.forFile("feed.xml"), "application/atom+xml")
        XCTAssertEqual(ContentTypes.forFile("sitemap.xml"), "application/xml")
        XCTAssertEqual(ContentTypes.forFile("robots.txt"), "text/plain; charset=utf-8")
        for file in TemporaryList.files(output) {
            let name = URL(fileURLWithPath: file).lastPathComponent
            guard !name.hasPrefix(".") else { continue }
            XCTAssertEqual(try http.get("/" + file).headers["content-type"], ContentTypes.forFile(name), file)
        }
    }

    func testRefusesEverythingOutsideTheOutputFolder() async throws {
        // A file beside the output folder, where a traversal would land.
        try Data("secret".utf8).write(to: work.appendingPathComponent("secret.txt"))
        let http = try await start()
        for target in [
            "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2E%2E%2Fsecret.txt", "/en/../../secret.txt",
            "/..\\secret.txt", "/%5c..%5csecret.txt", "/en%00/index.html", "/.plansite-output",
            "/%2e%2e/content/site.yaml"
        ] {
            let reply = try http.get(target)
            XCTAssertEqual(reply.status, 404, target)
            XCTAssertFalse(reply.body.contains("secret"), target)
        }
        XCTAssertEqual(try http.get("/en/../en/index.html").status, 200, "a path that stays inside is served")
        XCTAssertEqual(RequestPath.segments("/en/./areas//alpha/?q=1"), ["en", "areas", "alpha"])
        XCTAssertNil(RequestPath.segments("/%zz"), "a broken escape is refused")
    }

    func testReloadsAfterAnEditAndKeepsTheLastGoodSiteOnABrokenOne() async throws {
        let http = try await start()
        let events = try http.events(LiveReloadScript.eventsPath)
        XCTAssertEqual(try events.next(), #"{"build":1}"#)

        try edit("areas/alpha/en.md", "---\ntitle: Alpha renamed\n---\nThe first area.\n")
        XCTAssertEqual(try events.next(), #"{"build":2}"#)
        XCTAssertTrue(try http.get("/en/areas/alpha/").body.contains("Alpha renamed"))

        try edit("areas/alpha/meta.yaml", "number: one\n")
        let broken = try XCTUnwrap(try events.next())
        let state = try JSONDecoder().decode(BuildState.self, from: Data(broken.utf8))
        XCTAssertEqual(state.build, 2, "no new build: nothing to reload")
        XCTAssertEqual(
            state.problems?.hasSuffix("areas/alpha/meta.yaml:1:9: error: 'number' must be a whole number, not 'one'"),
            true, state.problems ?? "")
        let stillServed = try http.get("/en/areas/alpha/")
        XCTAssertEqual(stillServed.status, 200)
        XCTAssertTrue(stillServed.body.contains("Alpha renamed"), "the last good site is served")
        XCTAssertTrue(
            messages.problems.contains { $0.contains("'number' must be a whole number") },
            "and the terminal shows the problem")

        // A page opened now learns of the problem at once.
        XCTAssertEqual(try http.events(LiveReloadScript.eventsPath).next(), broken)

        try edit("areas/alpha/meta.yaml", "number: 1\n")
        XCTAssertEqual(try events.next(), #"{"build":3}"#)
    }
}

/// What the server printed, gathered across its tasks.
final class MessageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [ServeMessage] = []

    func append(_ message: ServeMessage) {
        lock.withLock { messages.append(message) }
    }

    var problems: [String] {
        lock.withLock { messages.compactMap { if case .problem(let text) = $0 { return text } else { return nil } } }
    }
}

enum TemporaryList {
    /// Every file below a folder, relative, sorted.
    static func files(_ root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { name in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }
}
