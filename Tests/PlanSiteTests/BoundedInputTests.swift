import Foundation
import XCTest

@testable import PlanSite

/// Issue 17: numbers that size a build's work are bounded, and text holds nothing a page cannot
/// show. Each case is the invalid cases' base site with one file changed (`Fixtures.invalid`); each test
/// compares the whole diagnostic list.
final class BoundedInputTests: XCTestCase {
    private func assertDiagnostics(
        _ name: String, file: StaticString = #filePath, line: UInt = #line,
        _ expected: (ContentFixture) -> [String]
    ) {
        let fixture = Fixtures.invalid(name)
        XCTAssertEqual(
            fixture.loadDiagnostics(file: file, line: line), expected(fixture),
            file: file, line: line)
    }

    private static let invisible = "remove it (it is invisible, and invalid in a page)"

    private static func control(_ name: String) -> String {
        "control character \(name) in the text: \(invisible)"
    }

    // MARK: - The period's years (they size the calendar)

    /// `period: {end: 99999999}` made `check` take gigabytes and never end.
    func testAPeriodEndingInYear99999999IsRefused() {
        assertDiagnostics("period-unbounded") { f in
            [
                "\(f.path("site.yaml")):8:28: error: 'end' of 'period' must be a year from 1900 to 2200, not 99999999"
            ]
        }
    }

    /// `end: 20299` (a typo) built a 41 MB calendar page.
    func testAPeriodEndingInATypoYearIsRefused() {
        assertDiagnostics("period-typo") { f in
            [
                "\(f.path("site.yaml")):8:28: error: 'end' of 'period' must be a year from 1900 to 2200, not 20299"
            ]
        }
    }

    func testAPeriodOfMoreThanAHundredYearsIsRefused() {
        assertDiagnostics("period-too-long") { f in
            [
                "\(f.path("site.yaml")):8:28: error: 'period' spans 151 years (1950-2100); it may span at most 100"
            ]
        }
    }

    /// An event's years make calendar years of their own (and time zone rules for them).
    func testAnEventDateOutsideTheAcceptedYearsIsRefused() {
        assertDiagnostics("event-year-out-of-range") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:6: error: "
                    + "'end' must be a date from 1900 to 2200, not '9999-03-12'"
            ]
        }
    }

    // MARK: - Times and text

    /// 02:30 on the night New York springs forward never happens; it was shown as "03:30 - 03:15".
    func testALocalTimeTheClocksSkipIsRefused() {
        assertDiagnostics("nonexistent-local-time") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):1:8: error: "
                    + "'start' 2025-03-09 02:30 does not exist "
                    + "in America/New_York: the clocks go forward that night; give a time before or after the change"
            ]
        }
    }

    func testAControlCharacterInABodyIsRefusedAtItsPosition() {
        assertDiagnostics("control-character-in-body") { f in
            [
                "\(f.path("areas/alpha/en.md")):4:10: error: \(Self.control("U+001B"))"
            ]
        }
    }

    /// U+0085 (NEXT LINE) is a C1 control character, two bytes in UTF-8.
    func testAC1ControlCharacterInASummaryIsRefusedAtItsPosition() {
        assertDiagnostics("control-character-in-summary") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/en.md")):3:20: error: \(Self.control("U+0085"))"
            ]
        }
    }

    /// A YAML escape makes a control character the file's bytes do not hold.
    func testAControlCharacterMadeByAYAMLEscapeIsRefused() {
        assertDiagnostics("control-character-escaped-in-title") { f in
            [
                "\(f.path("areas/alpha/en.md")):2:8: error: 'title' holds the control character U+0001: "
                    + "\(Self.invisible)"
            ]
        }
    }

    /// cmark turns a numeric character reference into the character: found in the source.
    func testAControlCharacterMadeByAReferenceInABodyIsRefused() {
        assertDiagnostics("control-character-by-reference") { f in
            [
                "\(f.path("areas/alpha/en.md")):4:17: error: '&#27;' makes the control character U+001B: "
                    + "\(Self.invisible)"
            ]
        }
    }

    /// libyaml reported these at 1:1, in three lines.
    func testAFormFeedInYAMLIsReportedAtItsOwnPosition() {
        assertDiagnostics("form-feed-in-yaml") { f in
            [
                "\(f.path("areas/alpha/meta.yaml")):2:1: error: \(Self.control("U+000C"))"
            ]
        }
    }

    func testANULInYAMLIsReportedAtItsOwnPosition() {
        assertDiagnostics("nul-in-yaml") { f in
            [
                "\(f.path("documents/charter/meta.yaml")):2:11: error: \(Self.control("U+0000"))"
            ]
        }
    }
}
