import Foundation
import XCTest
@testable import PlanSite

/// `PastPlannedEvents`: an event that ended before "today" and is still planned is a warning
/// of `check` (and `build`) and `status`, at its status key or at its meta.yaml; "today" is
/// read as builds read it.
final class PastPlannedEventsTests: XCTestCase {
    static let question = "did it take place? set `status: held`, `postponed` or `cancelled`"

    private func checkWarnings(_ site: OverlaidFixture, today: String) -> [String] {
        let options = BuildOptions(
            content: site.url, theme: Package.theme,
            output: site.url.appendingPathComponent("unused"), includeDrafts: true,
            now: ISO8601DateFormatter().date(from: today + "T12:00:00Z")!)
        switch SiteBuilder.check(options) {
        case .success(let summary): return summary.warnings.map(\.description)
        case .failure(let failure):
            XCTFail(failure.diagnostics.map(\.description).joined(separator: "\n"))
            return []
        }
    }

    func testAPastPlannedEventIsWarnedAboutAtItsStatusKeyOrItsFile() {
        let site = Fixtures.renamedItems.overlaid([
            "events/2024/forum-2024-06-25/meta.yaml": "start: 2024-06-25\narea: security\nstatus: planned\n"
        ])
        let forum = site.fixture.path("events/2024/forum-2024-06-25/meta.yaml")
        let meeting = site.fixture.path("events/2025/meeting-2025-04-20/meta.yaml")
        XCTAssertEqual(checkWarnings(site, today: "2024-06-25"), [], "it is not over on its last day")
        XCTAssertEqual(
            checkWarnings(site, today: "2024-06-26"),
            [
                "\(forum):3:1: warning: 'forum-2024-06-25' ended on 2024-06-25 and is still planned: \(Self.question)"
            ])
        // The meeting sets no status (planned by default): the warning is at its meta.yaml.
        XCTAssertEqual(
            checkWarnings(site, today: "2025-05-01"),
            [
                "\(forum):3:1: warning: 'forum-2024-06-25' ended on 2024-06-25 and is still planned: \(Self.question)",
                "\(meeting): warning: 'meeting-2025-04-20' ended on 2025-04-20 and is still planned: \(Self.question)"
            ])
        site.write(["events/2024/forum-2024-06-25/meta.yaml": "start: 2024-06-25\narea: security\nstatus: cancelled\n"])
        XCTAssertEqual(checkWarnings(site, today: "2024-12-01"), [])
    }

    func testStatusWarnsWithTodayFromTheClockItIsGiven() throws {
        let site = Fixtures.renamedItems.overlaid([:])
        let meeting = site.fixture.path("events/2025/meeting-2025-04-20/meta.yaml")
        func status(epoch: String) -> TranslationReport? {
            try? TranslationStatus.check(
                contentDirectory: site.url,
                now: BuildClock.now(environment: ["SOURCE_DATE_EPOCH": epoch])
            ).get()
        }
        let before = try XCTUnwrap(status(epoch: "1717000000"))
        XCTAssertEqual(before.warnings.map(\.description), [])
        // 2025-06-01: the meeting (2025-04-20) is over; the workshop (2025-09-10) is not.
        let after = try XCTUnwrap(status(epoch: "1748736000"))
        XCTAssertEqual(
            after.warnings.map(\.description),
            [
                "\(meeting): warning: 'meeting-2025-04-20' ended on 2025-04-20 and is still planned: \(Self.question)"
            ])
    }

    /// The warning is worked out on every build, never kept in the load cache with the event's
    /// own warnings: a rebuild on a later day, with nothing changed but the day, warns.
    func testARebuildOnALaterDayWarns() throws {
        let site = Fixtures.renamedItems.overlaid([:])
        let output = TemporaryFolder()
        let out = output.url.appendingPathComponent("public")
        let first = try XCTUnwrap(build(content: site.url, output: out, today: "2025-04-01"))
        XCTAssertEqual(first.warnings.map(\.description), [])
        let later = try XCTUnwrap(build(content: site.url, output: out, today: "2025-06-01"))
        XCTAssertEqual(
            later.warnings.map(\.message),
            ["'meeting-2025-04-20' ended on 2025-04-20 and is still planned: \(Self.question)"])
    }
}
