import XCTest

@testable import PlanSite

/// Which file of a media source each language's reader gets (CONTENT.md, "Media").
final class MediaSourceTests: XCTestCase {
    private func entry(_ name: String) -> MediaFileEntry {
        MediaFileEntry(fileName: name, stamp: FileStamp(size: 1, modified: 0, modifiedNanoseconds: 0))
    }

    private func source(common: Bool, variants: [String]) -> MediaSource {
        var source = MediaSource(folder: "documents/plan", name: "agenda.pdf", kind: .attachment(.pdf))
        if common { source.common = entry("agenda.pdf") }
        for code in variants { source.variants[code] = entry("agenda.\(code).pdf") }
        return source
    }

    /// The site's languages as content/site.yaml has them: ru falls back to en, kk to ru then en.
    private func chosen(_ source: MediaSource, _ language: String) -> String? {
        let fallbacks = ["en": [], "ru": ["en"], "kk": ["ru", "en"]][language]!
        let chain = [language] + fallbacks + ["en", "ru", "kk"].filter { $0 != language && !fallbacks.contains($0) }
        return source.file(for: language, fallbacks: fallbacks, chain: chain)?.entry.fileName
    }

    func testOwnVariantThenFallbacksThenTheFileForAllThenAnyVariant() {
        let both = source(common: true, variants: ["ru"])
        XCTAssertEqual(chosen(both, "ru"), "agenda.ru.pdf")
        XCTAssertEqual(chosen(both, "kk"), "agenda.ru.pdf", "kk falls back to ru before the file for all")
        XCTAssertEqual(chosen(both, "en"), "agenda.pdf", "en has no fallback: the file for all, not Russian")
        let russianOnly = source(common: false, variants: ["ru"])
        XCTAssertEqual(chosen(russianOnly, "en"), "agenda.ru.pdf", "any variant rather than none")
        XCTAssertEqual(source(common: true, variants: []).file(for: "kk", fallbacks: [], chain: ["kk"])?.language, nil)
        XCTAssertNil(source(common: false, variants: []).file(for: "en", fallbacks: [], chain: ["en"]))
    }
}
