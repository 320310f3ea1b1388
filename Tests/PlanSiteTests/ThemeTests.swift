import Foundation
import XCTest
@testable import PlanSite

final class ThemeTests: XCTestCase {
    /// Every UI string key exists in every language file of the theme, and nothing else.
    func testEveryLanguageHasEveryUIString() throws {
        let folder = Package.theme.appendingPathComponent("i18n")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        XCTAssertEqual(files, ["en.yaml", "kk.yaml", "ru.yaml"])
        for file in files {
            var log = DiagnosticLog()
            let strings = ThemeStrings.load(folder.appendingPathComponent(file), shown: file, log: &log)
            XCTAssertEqual(log.sorted.map(\.description), [], file)
            XCTAssertNotNil(strings, file)
        }
        XCTAssertEqual(UIStrings.keys.count, 83)
    }

    func testTheRealThemeLoads() throws {
        let theme = try Theme.load(directory: Package.theme, languages: ["en", "ru", "kk"]).get()
        XCTAssertTrue(theme.stylesheet.hasPrefix("style.") && theme.stylesheet.hasSuffix(".css"))
        XCTAssertEqual(theme.stylesheet.count, "style.".count + 12 + ".css".count)
    }

    /// A copy of the real theme in a temp folder, to break.
    private func copyOfTheme() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        try FileManager.default.removeItem(at: folder.url)
        try FileManager.default.copyItem(at: Package.theme, to: folder.url)
        return folder
    }

    private func problems(_ theme: TemporaryFolder, languages: [String] = ["en", "ru", "kk"]) -> [String] {
        switch Theme.load(directory: theme.url, languages: languages) {
        case .success: return []
        case .failure(let failure):
            let prefix = DisplayPath.of(theme.url) + "/"
            return failure.diagnostics.map { $0.description.replacingOccurrences(of: prefix, with: "") }
        }
    }

    func testATemplateSyntaxErrorNamesTheTemplateAndLine() throws {
        let theme = try copyOfTheme()
        theme.write([
            "templates/areas.mustache":
                "{{<layout}}\n{{$content}}\n<h1>{{page.t.areasOfThePlan}}</h1>\n{{#areas}}\n{{/area}}\n{{/content}}\n"
                + "{{/layout}}\n"
        ])
        XCTAssertEqual(
            problems(theme),
            [
                "templates/areas.mustache:5:4: error: template syntax error: a section is closed with another name "
                    + "than it was opened with: {{/area}} closes {{#areas}} of line 4"
            ])
    }

    func testAMissingTemplateOrPartialIsAnError() throws {
        let theme = try copyOfTheme()
        try FileManager.default.removeItem(at: theme.url.appendingPathComponent("templates/calendar.mustache"))
        try FileManager.default.removeItem(at: theme.url.appendingPathComponent("templates/event-item.mustache"))
        // Expected lines are read from the templates, so restyling them does not break the test.
        var expected = ["templates/calendar.mustache: error: missing template 'calendar'"]
        for name in ["area", "area-year", "calendar-month", "home"] {
            let lines = theme.read("templates/\(name).mustache").split(
                separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.contains("{{>event-item}}") {
                expected.append(
                    "templates/\(name).mustache:\(index + 1):1: error: "
                        + "template '\(name)' uses the partial 'event-item', which does not exist"
                )
            }
        }
        XCTAssertEqual(problems(theme), expected.sorted())
    }

    func testAMissingUIStringIsNamed() throws {
        let theme = try copyOfTheme()
        let ru = theme.read("i18n/ru.yaml").replacingOccurrences(
            of: "calendar: Календарь\n", with: "calender: Календарь\n")
        theme.write(["i18n/ru.yaml": ru])
        XCTAssertEqual(
            problems(theme),
            [
                "i18n/ru.yaml:2:1: error: missing required key 'calendar' in UI strings",
                "i18n/ru.yaml:9:1: error: unknown key 'calender' in UI strings; did you mean 'calendar'?"
            ])
    }

    func testALanguageWithoutUIStringsIsAnError() throws {
        let theme = try copyOfTheme()
        XCTAssertEqual(
            problems(theme, languages: ["en", "fr"]),
            [
                "i18n/fr.yaml: error: missing UI strings for this language (copy i18n/en.yaml and translate it)"
            ])
    }
}
