import Foundation
import XCTest
@testable import PlanSite

/// The views answer the templates' names directly (`ViewLookup.swift`). Every field that
/// `Mirror` sees must be answered with the same value, or a template would render it as nothing;
/// and a view's fields must be reached through the view that holds it (`page.t.eventDate`).
final class ViewLookupTests: XCTestCase {
    private func assertLookupMatchesMirror(_ value: Any, path: String, checked: inout Set<String>) {
        if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                assertLookupMatchesMirror(element, path: "\(path)[\(index)]", checked: &checked)
            }
            return
        }
        // Rendered HTML is a value the templates print, not a view.
        if value is RenderedHTML { return }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return }
        guard let view = value as? any TemplateView else {
            XCTFail("\(path): \(type(of: value)) does not answer the templates; add it to ViewLookup.swift")
            return
        }
        checked.insert(String(describing: type(of: value)))
        XCTAssertNil(view.value(of: TemplateName("noSuchField"), at: 0), path)
        for child in mirror.children {
            guard let label = child.label else { continue }
            let expected: Any? =
                Mirror(reflecting: child.value).displayStyle == .optional
                ? Mirror(reflecting: child.value).children.first?.value : child.value
            let answered = view.value(of: TemplateName(label), at: 0)
            XCTAssertEqual(answered.map(Self.shown), expected.map { String(describing: $0) }, "\(path).\(label)")
            guard let expected else { continue }
            if let inner = expected as? any TemplateView {
                // Through the view that holds it, each of its fields answers the same.
                for grandchild in Mirror(reflecting: inner).children {
                    guard let sublabel = grandchild.label else { continue }
                    let direct = inner.value(of: TemplateName(sublabel), at: 0).map(Self.shown) ?? "nothing"
                    let dotted = view.value(of: TemplateName([label, sublabel]), at: 0).map(Self.shown)
                    XCTAssertEqual(dotted, direct, "\(path).\(label).\(sublabel)")
                }
            } else {
                // A text, number or list has no fields: found, but nothing further.
                XCTAssertEqual(
                    view.value(of: TemplateName([label, "count"]), at: 0).map(Self.shown), "nothing",
                    "\(path).\(label).count")
            }
            assertLookupMatchesMirror(expected, path: "\(path).\(label)", checked: &checked)
        }
    }

    /// A template value as `String(describing:)` shows the field it came from.
    private static func shown(_ value: TemplateValue) -> String {
        switch value {
        case .text(let text): return text
        case .html(let bytes): return String(describing: RenderedHTML(utf8: bytes))
        case .number(let number): return String(describing: number)
        case .bool(let bool): return String(describing: bool)
        case .view(let view): return String(describing: view)
        case .list(let list): return String(describing: list)
        case .nothing: return "nothing"
        }
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
        for name in [
            "HomePage", "DocumentPage", "ApprovalView", "AreasTableView", "Signatory", "DocumentsPage",
            "AreasPage", "AreaPage", "EventPage", "CalendarPage", "MonthView", "YearView", "ChooserPage",
            "Option", "NotFoundPage", "Message", "PageChrome", "NavItem", "Alternate", "LanguageOption",
            "UIStrings", "FallbackNotice", "TextLink", "EventSummary", "AreaSummary", "DocumentSummary",
            "YearGroup", "CalendarSubscription", "CalendarMonthPage", "AreaYearPage", "YearLink",
            "ProgressPage", "ProgressRow", "ProgressCell", "ProgressChart", "Column", "Row", "Cell", "Mark",
            "TodayLine"
        ] {
            XCTAssertTrue(checked.contains(name), "no \(name) was checked")
        }
    }
}
