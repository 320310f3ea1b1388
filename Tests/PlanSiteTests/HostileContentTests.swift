import Foundation
import XCTest

@testable import PlanSite

/// Content that is hostile or badly broken (issue 5): each case is refused with one clear,
/// whole diagnostic; none may crash, hang or expand. Cases too big or too machine-specific to
/// commit (a 50 MB file, symbolic links) are made by the test in a temporary copy of a fixture.
final class HostileContentTests: XCTestCase {
    private func assertDiagnostics(
        _ name: String, file: StaticString = #filePath, line: UInt = #line,
        _ expected: (ContentFixture) -> [String]
    ) {
        let fixture = Fixtures.invalid(name)
        XCTAssertEqual(fixture.loadDiagnostics(file: file, line: line), expected(fixture), file: file, line: line)
    }

    static let noAliases =
        "YAML anchors and aliases (&name, *name) are not supported: "
        + "write each value out in full (to start a text with & or *, put it in quotes)"
    static let yamlTooDeep =
        "YAML syntax error: values nest too deep (lists or mappings inside each other more than a thousand levels)"
    static let textTooDeep = "the text nests too deep (more than 100 lists, quotes or emphases inside each other)"

    // MARK: - Expansion and depth

    /// Nine levels of nine aliases (387,420,489 "lol"s) and an aliased mapping key, which Yams
    /// would hash in full: refused at the first anchor, before the YAML library sees it.
    func testBillionLaughsIsRefusedAtTheFirstAnchor() {
        assertDiagnostics("yaml-billion-laughs") { f in ["\(f.path("areas/alpha/en.md")):3:4: error: \(Self.noAliases)"]
        }
    }

    func testAnAliasInMetaIsRefused() {
        assertDiagnostics("yaml-alias-in-meta") { f in
            ["\(f.path("events/2025/kickoff-meeting/meta.yaml")):1:8: error: \(Self.noAliases)"]
        }
    }

    /// 1,200 nested block lists (`- - - …`); libyaml stops at a thousand levels.
    func testADeeplyNestedYAMLListIsRefused() {
        assertDiagnostics("yaml-deep-nesting") { f in
            ["\(f.path("events/2025/kickoff-meeting/meta.yaml")):4:1999: error: \(Self.yamlTooDeep)"]
        }
    }

    func testDeeplyNestedYAMLBracketsAreRefused() {
        assertDiagnostics("yaml-deep-flow-nesting") { f in
            ["\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:14: error: \(Self.yamlTooDeep)"]
        }
    }

    /// 3,000 nested Markdown lists on one line (`- - - … deep`): shown where depth 100 is passed.
    func testADeeplyNestedMarkdownListIsRefused() {
        assertDiagnostics("markdown-deep-list") { f in
            ["\(f.path("areas/alpha/en.md")):6:99: error: \(Self.textTooDeep)"]
        }
    }

    func testDeeplyNestedMarkdownQuotesAreRefused() {
        assertDiagnostics("markdown-deep-quotes") { f in
            ["\(f.path("events/2025/kickoff-meeting/en.md")):4:199: error: \(Self.textTooDeep)"]
        }
    }

    /// Shown at the `{` that opened the mapping, not at the end of the text.
    func testAnUnclosedMappingIsShownAtItsBrace() {
        assertDiagnostics("site-yaml-unclosed-mapping") { f in
            [
                "\(f.path("site.yaml")):1:8: error: YAML syntax error: the mapping opened here with '{' is not closed: "
                    + "expected ',' or '}'"
            ]
        }
    }

    // MARK: - Made by the test

    /// A valid copy of a fixture in a temporary folder, to break.
    private func validCopy() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        let content = folder.url.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.invalidBase.url, to: content)
        XCTAssertNotNil(ContentFixture(content).loadSite(), "the copy must be valid before it is broken")
        return folder
    }

    private func diagnostics(_ folder: TemporaryFolder) -> [String] {
        let content = ContentFixture(folder.url.appendingPathComponent("content"))
        return content.loadDiagnostics().map { $0.replacingOccurrences(of: content.path("") + "/", with: "") }
    }

    /// 50 MB of Markdown: refused from its size, before a byte of it is read.
    func testAFiftyMegabyteFileIsRefused() throws {
        let folder = try validCopy()
        let url = folder.url.appendingPathComponent("content/areas/beta/en.md")
        var data = Data("---\ntitle: Beta\n---\n".utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024))
        try data.write(to: url)
        XCTAssertEqual(
            diagnostics(folder),
            [
                "areas/beta/en.md: error: file is too large (\(data.count) bytes; the limit is 1048576 bytes): "
                    + "a content file is a page of text"
            ])
    }

    func testSymbolicLinksLeadingOutsideTheContentAreRefused() throws {
        let folder = try validCopy()
        let outside = TemporaryFolder()
        outside.write([
            "secret.md": "---\ntitle: Secret\n---\nNot for publishing.\n", "group/leak/meta.yaml": "start: 2025-01-01\n"
        ])
        let manager = FileManager.default
        let content = folder.url.appendingPathComponent("content")
        try manager.createSymbolicLink(
            at: content.appendingPathComponent("areas/alpha/ru.md"),
            withDestinationURL: outside.url.appendingPathComponent("secret.md"))
        try manager.createSymbolicLink(
            at: content.appendingPathComponent("events/2026"),
            withDestinationURL: outside.url.appendingPathComponent("group"))
        // A link that stays inside is fine: it is read as the file it leads to.
        try manager.createSymbolicLink(
            atPath: content.appendingPathComponent("areas/beta/kk.md").path, withDestinationPath: "en.md")
        let outsidePath = outside.url.resolvingSymlinksInPath().path
        XCTAssertEqual(
            diagnostics(folder),
            [
                "areas/alpha/ru.md: error: symbolic link 'areas/alpha/ru.md' leads outside the content folder (to "
                    + "\(outsidePath)/secret.md); copy the file in instead",
                "events/2026: error: symbolic link 'events/2026' leads outside the content folder (to "
                    + "\(outsidePath)/group); copy the file in instead"
            ])
    }

    /// A build finds the links from its input listing rather than walking the content again:
    /// the same links are refused, and the previous output is left as it was.
    func testABuildRefusesLinksFoundByItsInputListing() throws {
        let folder = try validCopy()
        let outside = TemporaryFolder()
        outside.write(["secret.md": "---\ntitle: Secret\n---\nNot for publishing.\n"])
        let content = folder.url.appendingPathComponent("content")
        let output = folder.url.appendingPathComponent("public")
        XCTAssertNotNil(build(content: content, output: output))
        try FileManager.default.createSymbolicLink(
            at: content.appendingPathComponent("areas/alpha/ru.md"),
            withDestinationURL: outside.url.appendingPathComponent("secret.md"))
        try FileManager.default.createSymbolicLink(
            atPath: content.appendingPathComponent("events/2025/again").path, withDestinationPath: "..")
        let options = BuildOptions(content: content, theme: Package.theme, output: output)
        guard case .failure(let failure) = SiteBuilder.build(options) else {
            return XCTFail("the links must be refused")
        }
        let messages = failure.diagnostics.map(\.message)
        XCTAssertTrue(
            messages.contains { $0.hasPrefix("symbolic link 'areas/alpha/ru.md' leads outside the content folder") },
            "\(messages)")
        XCTAssertTrue(
            messages.contains {
                $0.hasPrefix("symbolic link 'events/2025/again' leads back into a folder that holds it")
            }, "\(messages)")
        XCTAssertFalse(TemporaryFolder.list(output).contains { $0.contains("again") })
    }

    /// A link to a folder that holds it would make the content endless.
    func testASymbolicLinkLoopIsRefused() throws {
        let folder = try validCopy()
        let content = folder.url.appendingPathComponent("content")
        try FileManager.default.createSymbolicLink(
            atPath: content.appendingPathComponent("events/2025/again").path, withDestinationPath: "..")
        let events = content.appendingPathComponent("events").resolvingSymlinksInPath().path
        XCTAssertEqual(
            diagnostics(folder),
            [
                "events/2025/again: error: symbolic link 'events/2025/again' leads back into a folder that holds it "
                    + "(\(events)); remove it"
            ].map { $0.replacingOccurrences(of: ContentFixture(content).path("") + "/", with: "") })
    }

    func testSymbolicLinksLeadingOutsideTheThemeAreRefused() throws {
        let theme = TemporaryFolder()
        try FileManager.default.removeItem(at: theme.url)
        try FileManager.default.copyItem(at: Package.theme, to: theme.url)
        let outside = TemporaryFolder()
        outside.write(["steal.mustache": "{{page}}\n"])
        try FileManager.default.createSymbolicLink(
            at: theme.url.appendingPathComponent("templates/steal.mustache"),
            withDestinationURL: outside.url.appendingPathComponent("steal.mustache"))
        switch Theme.load(directory: theme.url, languages: ["en"]) {
        case .success: XCTFail("a link out of the theme must be refused")
        case .failure(let failure):
            XCTAssertEqual(
                failure.diagnostics.map(\.description),
                [
                    "\(DisplayPath.of(theme.url))/templates/steal.mustache: error: symbolic link "
                        + "'templates/steal.mustache' leads outside the theme folder (to "
                        + "\(outside.url.resolvingSymlinksInPath().path)/steal.mustache); copy the file in instead"
                ])
        }
    }

    // MARK: - The anchor scan itself

    func testAnchorScanFindsAnchorsAndAliasesWhereAValueStarts() {
        let found: [String: (Int, Int)?] = [
            "a: &x 1": (1, 4),
            "a: 1\nb: *x": (2, 4),
            "- &x one": (1, 3),
            "list: [one, *x]": (1, 13),
            "map: {k: *x}": (1, 10),
            "? *x\n: v": (1, 3),
            "*x : v": (1, 1),
            "a: !!str &x 1": (1, 10)
        ]
        for (yaml, expected) in found {
            let result = YAMLAnchorScan.firstAnchorOrAlias(in: yaml)
            XCTAssertEqual(result.map { [$0.line, $0.column] }, expected.map { [$0.0, $0.1] }, yaml)
        }
    }

    /// `&` and `*` inside text are text, as YAML reads them.
    func testAnchorScanLeavesTextAlone() {
        for yaml in [
            "title: Alpha & Omega *draft*",
            "title: \"*quoted* &\"",
            "title: '*single* ''&x'''",
            "title: it's *x* & y",
            "summary: |\n  *not an alias*\n  &neither\nnext: 1",
            "a: 1 # *comment",
            "list: [a & b, 'c *d']",
            "title: \"spans\n  *lines*\"",
            "url: https://x.org/a&b*c"
        ] {
            XCTAssertNil(YAMLAnchorScan.firstAnchorOrAlias(in: yaml), yaml)
        }
    }
}
