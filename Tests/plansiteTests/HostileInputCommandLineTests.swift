import FixtureAssembly
import Foundation
import XCTest

/// Broken and hostile content through the command line (issue 5): every case exits with
/// status 1 and writes nothing; a build killed with SIGKILL loses nothing.
final class HostileInputCommandLineTests: CommandLineTestCase {
    static let invalidFixtures = InvalidFixtures(
        root: packageRoot.appendingPathComponent("Tests/PlanSiteTests/Fixtures/invalid"))

    /// Runs to the end; the status and the lines of standard error.
    func runForErrors(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, stderr: [String]) {
        let (process, out, err) = try start(arguments, in: folder)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: errors, as: UTF8.self).split(separator: "\n").map(String.init)
        )
    }

    /// Every case of the corpus (LoaderDiagnosticsTests and HostileContentTests assert each
    /// whole message): exit status 1, only `path[:line:col]: error: message` lines and the
    /// count, and no output folder. Each case is assembled (base site plus its changes) into
    /// `work/cases/<case>` and run from `work/cases`, so its messages start with `<case>/`.
    func testEveryInvalidFixtureExitsOneAndWritesNothing() throws {
        let cases = try Self.invalidFixtures.caseNames().filter { !InvalidFixtures.validVariants.contains($0) }
        XCTAssertGreaterThanOrEqual(cases.count, 50)
        let sites = work.appendingPathComponent("cases")
        for name in cases { try Self.invalidFixtures.assemble(name, into: sites) }
        let line = try NSRegularExpression(pattern: #"^[^ :]+(:\d+:\d+)?: error: \S.*$"#)
        for name in cases {
            let output = work.appendingPathComponent(name)
            let result = try runForErrors(
                [
                    "build", "--content", name, "--theme", Self.packageRoot.appendingPathComponent("theme").path,
                    "--output", output.path
                ], in: sites)
            XCTAssertEqual(result.status, 1, "\(name): \(result.stderr)")
            guard let summary = result.stderr.last else { XCTFail("\(name): nothing printed"); continue }
            XCTAssertTrue(summary.hasSuffix("; nothing was written"), "\(name): \(summary)")
            for message in result.stderr.dropLast() {
                XCTAssertTrue(message.hasPrefix(name + "/"), "\(name): \(message)")
                XCTAssertEqual(
                    line.numberOfMatches(in: message, range: NSRange(message.startIndex..., in: message)), 1,
                    "\(name): \(message)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), name)
        }
    }

    /// A valid small site in `work/content`: the base of the invalid cases.
    func writeValidSite() throws {
        try FileManager.default.copyItem(at: Self.invalidFixtures.base, to: work.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("theme"), to: work.appendingPathComponent("theme"))
    }

    func testAFiftyMegabyteFileExitsOne() throws {
        try writeValidSite()
        var data = Data("---\ntitle: Beta\n---\n".utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: 50 * 1024 * 1024))
        try data.write(to: work.appendingPathComponent("content/areas/beta/en.md"))
        let result = try runForErrors(["build"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            [
                "content/areas/beta/en.md: error: file is too large (\(data.count) bytes; the limit is 1048576 bytes): "
                    + "a content file is a page of text",
                "1 error; nothing was written"
            ])
    }

    func testASymbolicLinkOutOfTheContentExitsOne() throws {
        try writeValidSite()
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent("content/areas/alpha/ru.md").path,
            withDestinationPath: "/etc/hostname")
        let result = try runForErrors(["build"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr.first,
            "content/areas/alpha/ru.md: error: symbolic link 'areas/alpha/ru.md' leads outside the content folder (to "
                + "/etc/hostname); copy the file in instead"
        )
    }

    func testAMissingTemplateExitsOne() throws {
        try writeValidSite()
        try FileManager.default.removeItem(at: work.appendingPathComponent("theme/templates/event.mustache"))
        let result = try runForErrors(["build"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            ["theme/templates/event.mustache: error: missing template 'event'", "1 error; nothing was written"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("public").path))
    }

    func testATemplateSyntaxErrorExitsOne() throws {
        try writeValidSite()
        try Data("<p>{{#page}}\n{{title}\n{{/page}}</p>\n".utf8).write(
            to: work.appendingPathComponent("theme/templates/chooser.mustache"))
        let result = try runForErrors(["build"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.count, 2, "\(result.stderr)")
        XCTAssertTrue(result.stderr[0].hasPrefix("theme/templates/chooser.mustache:2:"), result.stderr[0])
        XCTAssertTrue(result.stderr[0].contains(": error: template syntax error: "), result.stderr[0])
    }

    // MARK: - SIGKILL

    /// Every file of a folder, relative path -> bytes.
    func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = try? Data(contentsOf: url) }
        }
        return files
    }

    /// A small site plus `count` synthetic events (three pages each), so a build takes a moment.
    func writeBigSite(events count: Int, title: String) throws {
        if !FileManager.default.fileExists(atPath: work.appendingPathComponent("content").path) { try writeValidSite() }
        for index in 1...count {
            let folder = work.appendingPathComponent("content/events/2025/synthetic-\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let day = String(format: "2025-%02d-%02d", index % 12 + 1, index % 28 + 1)
            try Data("start: \(day)\nstatus: planned\n".utf8).write(to: folder.appendingPathComponent("meta.yaml"))
            let text =
                "---\ntitle: \(title) \(index)\nsummary: A synthetic event for the interruption test.\n---\n"
                + "Body \(index).\n"
            try Data(text.utf8).write(to: folder.appendingPathComponent("en.md"))
        }
    }

    func testABuildKilledWhileWritingLeavesThePreviousSiteAndTheNextBuildCleansUp() throws {
        try writeBigSite(events: 120, title: "First")
        XCTAssertEqual(try runForErrors(["build"]).status, 0)
        let output = work.appendingPathComponent("public")
        let staging = work.appendingPathComponent(".public.plansite-staging")
        let before = snapshot(output)
        XCTAssertGreaterThan(before.count, 3 * 120)

        try writeBigSite(events: 120, title: "Second")
        let (process, out, err) = try start(["build"], in: work)
        // Kill it as soon as it has started writing: the staging folder has files in it.
        while process.isRunning
            && ((try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []).count < 2
        {
            usleep(500)
        }
        let killedWhileWriting = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        XCTAssertTrue(killedWhileWriting, "the build ended before it could be killed: make the site bigger")
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGKILL)

        XCTAssertTrue(FileManager.default.fileExists(atPath: staging.path), "the killed build left its staging folder")
        let after = snapshot(output)
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted())
        XCTAssertTrue(after == before, "the previous site changed")

        let next = try runForErrors(["build"])
        XCTAssertEqual(next.status, 0, "\(next.stderr)")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: staging.path), "the next build left the staging folder behind")
        let page = try String(
            contentsOf: output.appendingPathComponent("en/events/synthetic-7/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Second 7"))
        // Beside the output: the build's manifest (what the next build may leave alone), its
        // load cache (the events as loaded), its feed fragments per language and the output's
        // lock file (`OutputLock`), nothing else: no staging folder, no journal, no half-written store.
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: work.path).sorted(),
            [
                ".public.plansite-cache", ".public.plansite-fragments-en", ".public.plansite-fragments-kk",
                ".public.plansite-fragments-ru", ".public.plansite-lock", ".public.plansite-manifest",
                "content", "public", "theme"
            ])
    }
}
