import Foundation
import XCTest
@testable import PlanSite

/// The pages outside any language (`SitePageBuilder`): the root chooser and 404.html are
/// written in the first language, so their switcher leads to each language's home, never to
/// the page itself under another `hreflang`.
final class LanguageSwitcherTests: SmallSiteTestCase {
    private var out: URL { output.url.appendingPathComponent("public") }

    private func switcher(_ path: String) throws -> [String: String] {
        let html = try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        let start = try XCTUnwrap(html.range(of: "<nav class=\"languages\""))
        let end = try XCTUnwrap(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
        let links = HTMLTokenizer.startTags(String(html[start.lowerBound..<end.upperBound])).filter { $0.name == "a" }
        let pairs = links.map { ($0.attribute("hreflang") ?? "", $0.attribute("href") ?? "") }
        return Dictionary(uniqueKeysWithValues: pairs)
    }

    func testTheChooserAnd404SwitchersLeadToEachLanguagesHome() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let homes = ["en": "/plan/en/", "ru": "/plan/ru/", "kk": "/plan/kk/"]
        XCTAssertEqual(try switcher("index.html"), homes)
        XCTAssertEqual(try switcher("404.html"), homes)
        let chooser = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(
            chooser.contains("<link rel=\"canonical\" href=\"https://example.org/plan/\">"),
            "the chooser is its own page")
        XCTAssertFalse(chooser.contains("aria-current"), "the chooser belongs to no language")
        XCTAssertEqual(
            try switcher("ru/areas/one/index.html")["kk"], "/plan/kk/areas/one/",
            "a language's page keeps its own")
    }
}
