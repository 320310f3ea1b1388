import Foundation
import XCTest

@testable import PlanSite

/// The fuzz target's entry point (`Fuzz/`, issue 5), run by the ordinary test suite: every
/// seed of `Fuzz/corpus` is replayed, so an input that once crashed and was added there stays
/// a regression test, and the entry point cannot rot while nobody fuzzes.
final class ItemProbeTests: XCTestCase {
    static let corpus = Package.root.appendingPathComponent("Fuzz/corpus")

    private func probe() throws -> ItemProbe {
        try ItemProbe(content: Fixtures.validBasic.url, theme: Package.theme)
    }

    func testAValidEventIsRenderedInEveryLanguage() throws {
        let result = try probe().run(
            Array("start: 2025-04-02 10:00\nformat: online\n%%%\n---\ntitle: Timed\n---\nBody.\n".utf8))
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        // Its page and its one-event calendar, in each of the three languages.
        XCTAssertEqual(result.pages, 6)
    }

    /// Without the `%%%` line the input is the en.md and the meta a fixed valid one.
    func testALanguageFileAloneUsesTheDefaultMeta() throws {
        let result = try probe().run(Array("---\ntitle: Alone\n---\n[area](/areas/alpha)\n".utf8))
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        // Its page and its one-event calendar, in each of the three languages.
        XCTAssertEqual(result.pages, 6)
    }

    func testProblemsAreReportedInTheInputsOwnFiles() throws {
        let result = try probe().run(
            Array("start: &d 2025-03-12\n%%%\n---\ntitle: \"open\n---\n[x](/areas/nope)\n".utf8))
        XCTAssertEqual(
            result.diagnostics.map(\.description),
            [
                "fuzz/en.md:2:8: error: YAML syntax error: the quoted text opened here is never closed",
                "fuzz/meta.yaml:1:8: error: YAML anchors and aliases (&name, *name) are not supported: "
                    + "write each value out in full (to start a text with & or *, put it in quotes)"
            ])
        XCTAssertEqual(result.pages, 0)
    }

    /// Every seed runs to an end, with its problems (if any) in its own two files.
    func testEverySeedOfTheFuzzCorpus() throws {
        let probe = try probe()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        XCTAssertGreaterThanOrEqual(seeds.count, 30)
        var rendered = 0
        for seed in seeds {
            let url = Self.corpus.appendingPathComponent(seed)
            // Foundation leaks its read buffer on an empty file (see ContentTree.read).
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            let bytes = size == 0 ? [] : try [UInt8](Data(contentsOf: url))
            let result = probe.run(bytes)
            for diagnostic in result.diagnostics {
                XCTAssertTrue(
                    diagnostic.location.path.hasPrefix("fuzz/") && !diagnostic.message.isEmpty, "\(seed): \(diagnostic)"
                )
            }
            XCTAssertEqual(result.pages == 0, result.diagnostics.contains { $0.severity == .error }, seed)
            if result.pages > 0 { rendered += 1 }
        }
        XCTAssertGreaterThan(rendered, 10, "most seeds should be valid events, so the fuzzer starts from rendering")
    }
}
