import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import XCTest
@testable import PlanSite

/// Past sitemaps.org's 50,000 URLs a file, `sitemap.xml` becomes an index of parts. The limit
/// is lowered here: a test cannot build 50,000 pages quickly.
final class SitemapSplitTests: XCTestCase {
    private func locations(_ file: URL) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    private func build(_ content: URL, into output: URL, urlLimit: Int) throws {
        var options = BuildOptions(
            content: content, theme: Package.theme, output: output, baseURL: "https://example.org/plan/",
            now: ISO8601DateFormatter().date(from: "2024-12-01T00:00:00Z")!)
        options.sitemapURLLimit = urlLimit
        if case .failure(let failure) = SiteBuilder.build(options) { XCTFail("\(failure.diagnostics)") }
    }

    func testALargeSitemapIsSplitIntoAnIndexOfParts() throws {
        let content = TemporaryFolder()
        content.write(SmallSite.files)
        let output = TemporaryFolder()
        let whole = output.url.appendingPathComponent("whole"), split = output.url.appendingPathComponent("split")
        try build(content.url, into: whole, urlLimit: RenderContext.sitemapURLLimit)
        try build(content.url, into: split, urlLimit: 7)

        let index = try String(contentsOf: split.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let parts = try locations(split.appendingPathComponent("sitemap.xml"))
        XCTAssertGreaterThan(parts.count, 2)
        var listed: [String] = []
        for (offset, part) in parts.enumerated() {
            XCTAssertEqual(part, "https://example.org/plan/sitemap-\(offset + 1).xml")
            let file = split.appendingPathComponent("sitemap-\(offset + 1).xml")
            let data = try Data(contentsOf: file)
            XCTAssertNotNil(try? XMLDocumentCheck.parse(data), file.path)
            let urls = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "<url>").count - 1
            XCTAssertLessThanOrEqual(urls, 7)
            listed += try locations(file)
        }
        // The parts list exactly what the single sitemap lists, alternates included.
        XCTAssertEqual(listed.sorted(), try locations(whole.appendingPathComponent("sitemap.xml")).sorted())
        XCTAssertFalse(FileManager.default.fileExists(atPath: whole.appendingPathComponent("sitemap-1.xml").path))
    }
}

/// Parses XML with Foundation's parser; throws when it is not well formed.
enum XMLDocumentCheck {
    struct Malformed: Error {}

    static func parse(_ data: Data) throws {
        let parser = XMLParser(data: data)
        guard parser.parse() else { throw Malformed() }
    }
}
