import Foundation
import XCTest

@testable import PlanSite

/// Issue 17: a link's fragment must name a heading of the page it leads to, in every language
/// the link is published in. Each case is `Fixtures/invalid/base` with the files that make it
/// (`Fixtures.invalid`).
final class FragmentLinkTests: XCTestCase {
    private func checkDiagnostics(
        _ fixture: ContentFixture, file: StaticString = #filePath,
        line: UInt = #line
    ) -> [String] {
        guard fixture.loadSite(file: file, line: line) != nil else { return [] }
        switch fixture.check() {
        case .success: return []
        case .failure(let failure): return failure.diagnostics.map(\.description)
        }
    }

    /// The home page has only en.md, so ru and kk show it too; their charter pages show the
    /// ru text, whose heading has another id ("сфера-действия").
    func testAFragmentMissingInATranslationIsAnErrorNamingTheLanguages() {
        let f = Fixtures.invalid("fragment-missing-in-translation")
        XCTAssertEqual(
            checkDiagnostics(f),
            [
                "\(f.path("home/en.md")):4:53: error: link to '/documents/charter#scope': the page it leads to has no "
                    + "heading with the id 'scope' in ru, kk; to link to a heading in every language, "
                    + "give it the same id "
                    + "in each translation: '## Its title {#scope}'"
            ])
    }

    /// A fragment alone stays on its page, in every language that shows the text.
    func testAFragmentOnItsOwnPageIsChecked() {
        let f = Fixtures.invalid("fragment-nowhere")
        XCTAssertEqual(
            checkDiagnostics(f),
            [
                "\(f.path("areas/alpha/en.md")):4:21: error: link to '#nowhere': this page has no heading with the id "
                    + "'nowhere' in en, ru, kk"
            ])
    }

    /// `## Title {#id}` gives the heading that id in every translation; the marker is not shown.
    func testAnExplicitIDSharedByTranslationsResolvesInEveryLanguage() throws {
        let f = Fixtures.invalid("fragment-explicit-id")
        XCTAssertEqual(checkDiagnostics(f), [])
        let output = TemporaryFolder()
        guard build(content: f.url, output: output.url) != nil else { return }
        let titles = [
            ("en", "Scope of the charter"), ("ru", "Сфера действия"), ("kk", "Сфера действия")
        ]
        for (language, title) in titles {
            let page = output.read("\(language)/documents/charter/index.html")
            XCTAssertTrue(page.contains("<h2 id=\"scope\">\(title)</h2>"), "\(language): \(page)")
            XCTAssertFalse(page.contains("{#"), language)
            XCTAssertTrue(output.read("\(language)/index.html").contains("/documents/charter/#scope\""), language)
        }
    }
}
