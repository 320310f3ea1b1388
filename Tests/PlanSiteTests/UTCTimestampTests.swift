import Foundation
import XCTest
@testable import PlanSite

/// The arithmetic split of an instant into UTC fields gives what `Calendar` gives.
final class UTCTimestampTests: XCTestCase {
    func testArithmeticFieldsMatchTheCalendarOnEdgesAndAcrossFourCenturies() {
        var instants: [TimeInterval] = [
            0, 0.999, 59, 86_399, 86_400, 951_782_400, 951_868_799.5, 4_107_542_400,
            1_719_288_000, 253_402_300_799
        ]
        // Every 13 hours 7 minutes 11 seconds from 1970 to 2400: every month, leap day and century edge.
        var t: TimeInterval = 0
        while t < 13_569_465_600 {
            instants.append(t)
            t += 47_231
        }
        for interval in instants {
            let instant = Date(timeIntervalSince1970: interval)
            let fast = UTCTimestamp.fields(instant)
            let slow = UTCTimestamp.calendarFields(instant)
            XCTAssertTrue(fast == slow, "\(interval): \(fast) against \(slow)")
        }
    }

    func testTimestampsAreWrittenAsTheFormatsSay() {
        let instant = Date(timeIntervalSince1970: 1_719_288_000)  // 2024-06-25T04:00:00Z
        XCTAssertEqual(UTCTimestamp.iCalendar(instant), "20240625T040000Z")
        XCTAssertEqual(UTCTimestamp.rfc3339(instant), "2024-06-25T04:00:00Z")
        XCTAssertEqual(UTCTimestamp.iCalendar(Date(timeIntervalSince1970: 951_868_799)), "20000229T235959Z")
        // Before 1970 the calendar answers.
        XCTAssertEqual(UTCTimestamp.iCalendar(Date(timeIntervalSince1970: -1)), "19691231T235959Z")
    }

    func testPaddingWritesEveryDigit() {
        XCTAssertEqual(CalendarDate.pad(5, 2), "05")
        XCTAssertEqual(CalendarDate.pad(0, 4), "0000")
        XCTAssertEqual(CalendarDate.pad(2024, 4), "2024")
        XCTAssertEqual(CalendarDate.pad(12345, 2), "12345")
        XCTAssertEqual(CalendarDate.pad(1_234_567_890_123_456_789, 20), "01234567890123456789")
    }
}
