import Foundation
import XCTest
import PlanMarkdown
@testable import PlanSite

/// Every link of every body is checked, with or without the memory of an earlier build: its
/// problems are found at their line and column, all in one run, and a failed build leaves the
/// output as it was.
final class BuildLinkCheckTests: SmallSiteTestCase {
    private static let linkToNoItem =
        "link to no item: '/areas/nope' (link to an item's folder, such as /documents/plan or ../../areas/cybercrime)"
    private static let tooDeep = "the text nests too deep (more than 100 lists, quotes or emphases inside each other)"

    /// An event with a summary, whose body has a link to no item on line 6, column 10.
    private static let brokenEvent =
        "---\ntitle: Expert meeting\nsummary: A meeting.\n---\n## Details\n\nSee also [nowhere](/areas/nope).\n"

    private func attempt(_ output: URL, drafts: Bool = false) -> Result<BuildSummary, BuildFailure> {
        SiteBuilder.build(
            BuildOptions(
                content: content.url, theme: Package.theme, output: output, includeDrafts: drafts,
                now: ISO8601DateFormatter().date(from: "2024-12-01T00:00:00Z")!))
    }

    private func messages(_ result: Result<BuildSummary, BuildFailure>) -> [String] {
        guard case .failure(let failure) = result else { return ["built"] }
        return failure.diagnostics.map { $0.description.replacingOccurrences(of: content.url.path + "/", with: "") }
    }

    private func files(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in TemporaryFolder.list(root) { files[file] = try Data(contentsOf: root.appendingPathComponent(file)) }
        return files
    }

    func testABrokenLinkFailsAFirstBuildAtItsPlaceAndWritesNothing() {
        content.write(["events/2025/meeting/en.md": Self.brokenEvent])
        let published = output.url.appendingPathComponent("site/public")
        XCTAssertEqual(messages(attempt(published)), ["events/2025/meeting/en.md:7:10: error: \(Self.linkToNoItem)"])
        XCTAssertEqual(TemporaryFolder.list(output.url), [], "no output, no manifest, no cache, no feed fragments")
        XCTAssertFalse(FileManager.default.fileExists(atPath: published.path))
    }

    /// The previous build's cache is gone (another PlanSite, say): the events are read again.
    func testABrokenLinkFoundAfterRenderingLeavesThePreviousOutputAsItWas() throws {
        let published = output.url.appendingPathComponent("public")
        _ = try XCTUnwrap(build(content: content.url, output: published))
        try FileManager.default.removeItem(at: output.url.appendingPathComponent(".public.plansite-cache"))
        let before = try files(output.url)
        content.write(["events/2025/meeting/en.md": Self.brokenEvent])
        XCTAssertEqual(messages(attempt(published)), ["events/2025/meeting/en.md:7:10: error: \(Self.linkToNoItem)"])
        // The output, its manifest and the feed fragments stored beside it, byte for byte.
        XCTAssertEqual(try files(output.url), before)
    }

    func testEveryBrokenLinkIsReportedInOneRun() {
        content.write([
            "events/2025/meeting/en.md": Self.brokenEvent,
            "areas/one/en.md": "---\ntitle: Area One\n---\nAbout [nothing](/areas/nope).\n"
        ])
        XCTAssertEqual(
            messages(attempt(output.url.appendingPathComponent("public"))),
            [
                "areas/one/en.md:4:7: error: \(Self.linkToNoItem)",
                "events/2025/meeting/en.md:7:10: error: \(Self.linkToNoItem)"
            ])
    }

    func testABodyNestingTooDeepIsRefusedInADraftToo() {
        let quotes = String(repeating: "> ", count: 120) + "deep\n"
        content.write([
            // The heading the plan's link leads to (`#details`) stays, after the deep quotes.
            "events/2025/meeting/en.md": "---\ntitle: Expert meeting\nsummary: A meeting.\n---\n" + quotes
                + "\n## Details\n",
            // A draft is not rendered: its body is checked all the same.
            "events/2025/hidden/en.md": "---\ntitle: Draft event\nsummary: Not yet.\n---\nText.\n\n" + quotes
        ])
        XCTAssertEqual(
            messages(attempt(output.url.appendingPathComponent("public"))),
            [
                "events/2025/hidden/en.md:7:199: error: \(Self.tooDeep)",
                "events/2025/meeting/en.md:5:199: error: \(Self.tooDeep)"
            ])
        // The loader alone says the same.
        XCTAssertEqual(
            ContentFixture(content.url).loadDiagnostics().map {
                $0.replacingOccurrences(of: content.url.path + "/", with: "")
            },
            [
                "events/2025/hidden/en.md:7:199: error: \(Self.tooDeep)",
                "events/2025/meeting/en.md:5:199: error: \(Self.tooDeep)"
            ])
    }

    /// The links of a first build's events are in its cache: a rebuild that takes the event
    /// from there still finds a link that no longer leads anywhere.
    func testTheCacheOfAFirstBuildHoldsTheLinks() throws {
        // Its last heading is the one the plan's link leads to (`#details`).
        content.write([
            "events/2025/meeting/en.md":
                "---\ntitle: Expert meeting\nsummary: A meeting.\n---\nFirst.\n\nSee [the forum](../../2024/forum).\n"
                + "\n## Details\n"
        ])
        // Into a folder that does not exist yet: the cache is saved beside it all the same.
        let published = output.url.appendingPathComponent("site/public")
        _ = try XCTUnwrap(build(content: content.url, output: published))
        let cacheFile = output.url.appendingPathComponent("site/.public.plansite-cache")
        let tree = ContentTree(root: content.url)
        var cache = LoadCache.read(
            Array(try Data(contentsOf: cacheFile)), identity: LoadCache.identity(of: tree), tree: tree)
        XCTAssertEqual(cache.count, 4, "every event, the draft too")
        cache.decodeAhead(while: { true })
        let facts = try XCTUnwrap(cache.entries["events/2025/meeting"]?.event.texts["en"]?.body.facts)
        XCTAssertEqual(facts.links.map(\.url), ["../../2024/forum"])
        XCTAssertEqual(facts.links.map(\.position), [SourcePosition(line: 7, column: 5)])
        XCTAssertEqual(facts.firstParagraph, "First.")

        try FileManager.default.removeItem(at: content.url.appendingPathComponent("events/2024/forum"))
        XCTAssertEqual(
            messages(attempt(published)),
            [
                "events/2025/meeting/en.md:7:5: error: link to no item: '../../2024/forum' (link to an item's folder, "
                    + "such as /documents/plan or ../../areas/cybercrime)"
            ])
    }

    /// An item that does not load hides nothing else: the links of the rest and the theme are
    /// still checked in the same run, and a link to the item that failed is not called broken.
    func testALoadErrorHidesNeitherBrokenLinksNorThemeErrors() throws {
        content.write([
            "events/2025/meeting/meta.yaml": "start: 2025-02-30 10:00\narea: one\n",
            "areas/one/en.md":
                "---\ntitle: Area One\n---\nAbout [nothing](/areas/nope) and [the meeting](/events/2025/meeting).\n"
        ])
        let theme = TemporaryFolder()
        try FileManager.default.removeItem(at: theme.url)
        try FileManager.default.copyItem(at: Package.theme, to: theme.url)
        theme.write(["templates/areas.mustache": "{{#page}}unclosed"])
        let result = SiteBuilder.check(BuildOptions(content: content.url, theme: theme.url, output: output.url))
        let found = messages(result).map { $0.replacingOccurrences(of: theme.url.path + "/", with: "theme/") }
        XCTAssertTrue(found.contains { $0.hasPrefix("events/2025/meeting/meta.yaml:1:8: error:") }, "\(found)")
        XCTAssertTrue(found.contains("areas/one/en.md:4:7: error: \(Self.linkToNoItem)"), "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("theme/templates/areas.mustache:") }, "\(found)")
        XCTAssertFalse(found.contains { $0.contains("/events/2025/meeting'") }, "\(found)")
    }
}
