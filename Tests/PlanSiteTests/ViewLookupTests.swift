import Foundation
import Mustache
import XCTest
@testable import PlanSite

/// The views answer Mustache's key lookups directly (`ViewLookup.swift`). Every field that
/// `Mirror` sees must be answered with the same value, or a template would render it as nothing.
final class ViewLookupTests: XCTestCase {
    private func assertLookupMatchesMirror(_ value: Any, path: String, checked: inout Set<String>) {
        if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                assertLookupMatchesMirror(element, path: "\(path)[\(index)]", checked: &checked)
            }
            return
        }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct else { return }
        guard let parent = value as? MustacheParent else {
            XCTFail("\(path): \(type(of: value)) answers lookups through Mirror; add it to ViewLookup.swift")
            return
        }
        checked.insert(String(describing: type(of: value)))
        for child in mirror.children {
            guard let label = child.label else { continue }
            let expected: Any? = Mirror(reflecting: child.value).displayStyle == .optional
                ? Mirror(reflecting: child.value).children.first?.value : child.value
            // Views come back in a `ViewReference`; what it holds is what Mirror sees.
            let answered = parent.child(named: label).map(Self.unwrapped)
            XCTAssertEqual(answered.map { String(describing: $0) }, expected.map { String(describing: $0) },
                           "\(path).\(label)")
            if let expected { assertLookupMatchesMirror(expected, path: "\(path).\(label)", checked: &checked) }
        }
    }

    private static func unwrapped(_ value: Any) -> Any {
        if let reference = value as? ViewReference { return reference.view }
        if let references = value as? [ViewReference] { return references.map(\.view) }
        return value
    }

    func testEveryViewAnswersEveryFieldItHolds() throws {
        let theme = try Theme.load(directory: Fixtures.theme, languages: ["en", "ru", "kk"]).get()
        var checked = Set<String>()
        // The fixture has fallbacks and every status; the real content has the approval block and table.
        let crowded = TemporaryFolder()
        crowded.write(SplitListingTests.files)
        for content in [Fixtures.validBasic.url, Package.content, crowded.url] {
            let site = try ContentLoader.load(contentDirectory: content).get()
            let context = RenderContext(site: site, theme: theme, today: CalendarDate(year: 2025, month: 4, day: 1))
            for page in context.plan(index: CalendarIndex(events: site.events, period: site.config.period)) {
                guard case .page(_, let view) = page.content else { continue }
                assertLookupMatchesMirror(try view(context), path: page.file, checked: &checked)
            }
        }
        // Every kind of view was reached, nested ones included.
        for name in ["HomePage", "DocumentPage", "ApprovalView", "AreasTableView", "Signatory", "DocumentsPage",
                     "AreasPage", "AreaPage", "EventPage", "CalendarPage", "MonthView", "YearView", "ChooserPage",
                     "Option", "NotFoundPage", "Message", "PageChrome", "NavItem", "Alternate", "LanguageOption",
                     "UIStrings", "FallbackNotice", "TextLink", "EventSummary", "AreaSummary", "DocumentSummary",
                     "YearGroup", "CalendarSubscription", "CalendarMonthPage", "AreaYearPage", "YearLink"] {
            XCTAssertTrue(checked.contains(name), "no \(name) was checked")
        }
    }
}
