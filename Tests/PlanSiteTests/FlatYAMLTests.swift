import Foundation
import XCTest
import Yams
@testable import PlanSite

/// `FlatYAML` reads the usual front matter without libyaml; what it reads must be what Yams
/// reads (texts, tags, styles, lines and columns), and what it cannot read alike is left to Yams.
final class FlatYAMLTests: XCTestCase {
    /// Texts of the usual shape: each is read by `FlatYAML`, and the same as by Yams.
    static let flat: [String] = [
        "title: \"Training course: irrigation (Kazan, 2030)\"\nlocation: \"Kazan\"\nsummary: \"Text, with commas; and # signs.\"\n",
        "title: \"Учебный курс: модернизация орошения (Казань, 2030)\"\nlocation: \"Казань\"\n",
        "start: 2030-03-24\nend: 2030-03-25\narea: education\nstatus: planned\norganizers: [cica, sco]\n",
        "start: 2024-06-25\ntime: 10:00\n".replacingOccurrences(of: "time: 10:00\n", with: "timezone: Asia/Almaty\n"),
        "organizers: [ cica ,sco,  un-escap ]   \nformat: in-person\n",
        "title: Plain words (and more) v1.2\nlocation: Алматы\ndraft: true\nsequence: 3\n",
        "\n\ntitle: \"  spaces kept inside quotes  \"   \n\nsummary: x\n",
        "title: \"\"\n",
        "key_with-dash: \"value\"",
        "title: \"R&D *now*, &anchor-like and *alias-like\"\nsummary: \"a & b\"\n",
    ]

    /// Texts `FlatYAML` leaves to Yams: a reading of its own could differ from YAML's.
    static let refused: [String] = [
        "", "   \n",
        "title:\n",                                   // empty: null
        "title: null\n", "title: ~\n", "title: Null\n",
        "title: a # comment\n", "# comment\ntitle: a\n",
        "title: \"a \\\"quoted\\\" word\"\n",         // an escape
        "title: 'single'\n",
        "title: a\ntitle: b\n",                       // a key given twice: Yams reports it
        "title: a\n  continued\n",                    // a plain value on two lines
        "title: \"open\n  close\"\n",
        "title: a: b\n", "title:a\n", "- a\n- b\n",
        "organizers: [cica, sco\n", "organizers: []\n", "organizers: [a,]\n", "organizers: [\"a\"]\n",
        "organizers: [a, b] # c\n", "organizers: [Алматы]\n",
        "title: \"x\" trailing\n",
        "title: a\r\nsummary: b\r\n",
        "title: \"a\u{85}b\"\n", "title: a\u{2028}b\n", "title: \"\u{FEFF}a\"\n", "title: \"a\u{9F}b\"\n",
        "---\ntitle: a\n", "title: *alias\n", "title: !tag a\n", "title: |\n  block\n", "title: >\n  folded\n",
        "title: {a: b}\n", "title: -a\n", "title: .a\n",
        "title: a\tb\n", "title: \"a\tb\"\n", "\ttitle: a\n", "title: a\n\t\n", "title: &a x\n", "title: a&b\n",
    ]

    func testTheUsualShapeIsReadWithoutYamsAndAsYamsReadsIt() throws {
        for yaml in Self.flat {
            XCTAssertNotNil(FlatYAML.parse(yaml), "not read: \(yaml.debugDescription)")
            try assertSameAsYams(yaml)
        }
    }

    func testOtherTextsAreLeftToYams() throws {
        for yaml in Self.refused {
            XCTAssertNil(FlatYAML.parse(yaml), "read: \(yaml.debugDescription)")
            try assertSameAsYams(yaml)
        }
    }

    /// Every `meta.yaml` and front matter of the project's own content.
    func testTheRealContentIsReadAsYamsReadsIt() throws {
        let content = Fixtures.packageRoot.appendingPathComponent("content")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil))
        var count = 0, flat = 0
        for case let url as URL in files where url.pathExtension == "yaml" || url.pathExtension == "md" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let yaml = url.pathExtension == "yaml" ? text : (try? FrontMatter.split(SourceFile(displayPath: url.path, text: text)).get())?.yaml
            guard let yaml else { continue }
            try assertSameAsYams(yaml)
            count += 1
            if FlatYAML.parse(yaml) != nil { flat += 1 }
        }
        XCTAssertGreaterThan(count, 20)
        // The content's own files are of the usual shape: most are read without Yams.
        XCTAssertGreaterThan(flat * 2, count)
    }

    private func assertSameAsYams(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let source = SourceFile(displayPath: "meta.yaml", text: yaml)
        var fastLog = DiagnosticLog(), yamsLog = DiagnosticLog()
        let fast = YAMLValue.parse(yaml, file: source, lineOffset: 2, log: &fastLog)
        let yams = YAMLValue.parse(yaml, file: source, lineOffset: 2, log: &yamsLog, readsFlat: false)
        XCTAssertEqual(fastLog.entries.map(\.description), yamsLog.entries.map(\.description), yaml.debugDescription, file: file, line: line)
        XCTAssertEqual(fast.map(describe), yams.map(describe), yaml.debugDescription, file: file, line: line)
    }

    /// Everything a typed read can see of a value, with the location of each part.
    private func describe(_ value: YAMLValue) -> String {
        var log = DiagnosticLog()
        let at = "@\(value.location.line):\(value.location.column)"
        switch value.node {
        case .scalar(let scalar):
            return "scalar(\(scalar.string.debugDescription) tag=\(scalar.tag.description) style=\(scalar.style))\(at)"
        case .sequence(let sequence):
            let items = value.sequence("list", log: &log) ?? []
            return "list(style=\(sequence.style) tag=\(sequence.tag.description) [\(items.map(describe).joined(separator: ", "))])\(at)"
        case .mapping(let mapping):
            let entries = value.mapping("map", log: &log)?.entries ?? []
            let described = entries.map { "\($0.key)\(describe($0.keyValue)) => \(describe($0.value))" }
            return "mapping(style=\(mapping.style) tag=\(mapping.tag.description) {\(described.joined(separator: "; "))})\(at)"
        case .alias:
            return "alias\(at)"
        }
    }
}
