import FixtureAssembly
import Foundation
import XCTest

@testable import PlanSite

/// The content folders under `Tests/PlanSiteTests/Fixtures`, copied into the test bundle.
enum Fixtures {
    static var root: URL {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures resource folder is missing from the test bundle")
        }
        return url
    }

    static var validBasic: ContentFixture { ContentFixture(root.appendingPathComponent("valid-basic")) }
    static var calendarCases: ContentFixture { ContentFixture(root.appendingPathComponent("calendar-cases")) }
    /// Items renamed after publication (`aliases`), and the plan's authentic texts.
    static var renamedItems: ContentFixture { ContentFixture(root.appendingPathComponent("renamed-items")) }

    /// The invalid cases: `invalid/base` plus each case's changes (see `invalid/README.md`).
    static var invalidCases: InvalidFixtures { InvalidFixtures(root: root.appendingPathComponent("invalid")) }

    /// The base site of the invalid cases: small and valid.
    static var invalidBase: ContentFixture { ContentFixture(invalidCases.base) }

    /// Invalid case `name`, assembled into a fresh temporary folder named `name` (diagnostics
    /// printed relative to its parent start with `name/`); each call makes its own copy.
    static func invalid(_ name: String) -> ContentFixture {
        let parent = assembled.appendingPathComponent(UUID().uuidString)
        do {
            return ContentFixture(try invalidCases.assemble(name, into: parent))
        } catch {
            fatalError("cannot assemble invalid fixture '\(name)': \(error)")
        }
    }

    /// Where `invalid(_:)` assembles cases: one folder per test process, removed when it exits.
    private static let assembled: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("plansite-invalid-fixtures-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: Fixtures.assembled) }
        return url
    }()

    /// The package root (where `Package.swift` and `theme/` are), found from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // PlanSiteTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
    }

    static var theme: URL { packageRoot.appendingPathComponent("theme") }
}

/// One fixture content folder.
struct ContentFixture {
    let url: URL

    init(_ url: URL) {
        precondition(FileManager.default.fileExists(atPath: url.path), "no fixture at \(url.path)")
        self.url = url
    }

    /// A file or folder of the fixture as diagnostics show it: relative to the working folder
    /// where it lies inside it (the rule of `DisplayPath.of`).
    func path(_ relative: String) -> String {
        DisplayPath.of(url.appendingPathComponent(relative))
    }

    func load() -> Result<Site, BuildFailure> {
        ContentLoader.load(contentDirectory: url)
    }

    /// Loads the fixture, expecting failure; returns every diagnostic as the command line prints it.
    func loadDiagnostics(file: StaticString = #filePath, line: UInt = #line) -> [String] {
        switch load() {
        case .success:
            XCTFail("expected the content to fail to load, but it loaded", file: file, line: line)
            return []
        case .failure(let failure):
            return failure.diagnostics.map(\.description)
        }
    }

    /// Loads the fixture, expecting success; reports every diagnostic when it fails.
    func loadSite(file: StaticString = #filePath, line: UInt = #line) -> Site? {
        switch load() {
        case .success(let site):
            return site
        case .failure(let failure):
            XCTFail(
                "expected the content to load, got:\n" + failure.diagnostics.map(\.description).joined(separator: "\n"),
                file: file, line: line)
            return nil
        }
    }

    /// `SiteBuilder.check` (load, theme, link check, page plan) with the package's theme; writes nothing.
    /// "Today" is fixed (CI's SOURCE_DATE_EPOCH, 2024-05-29): which events are past, and so
    /// warned about while still planned, never depends on the day the tests run.
    func check(today: String = "2024-05-29") -> Result<BuildSummary, BuildFailure> {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plansite-check-\(UUID().uuidString)")
        let now = ISO8601DateFormatter().date(from: today + "T12:00:00Z")!
        return SiteBuilder.check(BuildOptions(content: url, theme: Fixtures.theme, output: output, now: now))
    }
}

extension ContentFixture {
    /// A copy of the fixture in a temporary folder with `files` (relative path -> text) written
    /// over it: an invalid case is a valid base site and the one file that breaks it. The copy
    /// lasts as long as the returned value.
    func overlaid(_ files: [String: String]) -> OverlaidFixture {
        let folder = TemporaryFolder()
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] {
            try! manager.copyItem(at: url.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        folder.write(files)
        return OverlaidFixture(folder: folder)
    }
}

/// A fixture copied with some files written over it (`ContentFixture.overlaid`).
struct OverlaidFixture {
    let folder: TemporaryFolder
    var fixture: ContentFixture { ContentFixture(folder.url) }
    var url: URL { folder.url }

    /// Writes more files over it (an edit between two builds).
    func write(_ files: [String: String]) { folder.write(files) }
}

/// Runs `body` with the process's working folder set to `folder`, restoring it afterwards.
func withWorkingDirectory<T>(_ folder: URL, _ body: () throws -> T) rethrows -> T {
    let manager = FileManager.default
    let previous = manager.currentDirectoryPath
    precondition(manager.changeCurrentDirectoryPath(folder.path), "cannot change to \(folder.path)")
    defer { _ = manager.changeCurrentDirectoryPath(previous) }
    return try body()
}
