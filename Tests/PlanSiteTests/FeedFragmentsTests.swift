import Foundation
import XCTest
@testable import PlanSite

/// The calendars and feeds that list every event are assembled from each event's fragments,
/// kept beside the output between builds (`FragmentStore`): a rebuild takes the fragments of
/// unchanged events from there, and its files are exactly a clean build's.
final class FeedFragmentsTests: SmallSiteTestCase {
    private var out: URL { output.url.appendingPathComponent("public") }

    private func storePath(_ language: String) -> String {
        output.url.appendingPathComponent(".public.plansite-fragments-\(language)").path
    }

    /// Every file that lists events from fragments.
    private static let lists = [
        "en/calendar.ics", "ru/calendar.ics", "kk/calendar.ics", "en/feed.xml", "ru/feed.xml",
        "kk/feed.xml", "en/areas/one/calendar.ics", "ru/areas/one/calendar.ics", "en/areas/two/calendar.ics"
    ]

    private func assertListsAreThoseOfACleanBuild(file: StaticString = #filePath, line: UInt = #line) throws {
        let clean = TemporaryFolder()
        let cleanOut = clean.url.appendingPathComponent("public")
        _ = try XCTUnwrap(build(content: content.url, output: cleanOut), file: file, line: line)
        for list in Self.lists {
            XCTAssertEqual(
                try Data(contentsOf: out.appendingPathComponent(list)),
                try Data(contentsOf: cleanOut.appendingPathComponent(list)), list, file: file, line: line)
        }
    }

    func testARebuildTakesTheUnchangedEventsFragmentsFromTheStore() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let first = try XCTUnwrap(FragmentStore.read(storePath("en"), language: "en"))
        // The draft is left out of the build, so it has no fragments.
        XCTAssertEqual(Set(first.entries.keys), ["events/2024/forum", "events/2024/milestone", "events/2025/meeting"])
        for language in ["ru", "kk"] {
            XCTAssertNotNil(FragmentStore.read(storePath(language), language: language), language)
        }

        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed\n---\n"])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let second = try XCTUnwrap(FragmentStore.read(storePath("en"), language: "en"))
        XCTAssertNotEqual(second.entries["events/2024/forum"]?.key, first.entries["events/2024/forum"]?.key)
        XCTAssertEqual(second.entries["events/2025/meeting"]?.key, first.entries["events/2025/meeting"]?.key)
        let meeting = try XCTUnwrap(second.entries["events/2025/meeting"])
        XCTAssertTrue(String(decoding: second.bytes[meeting.calendar], as: UTF8.self).hasPrefix("BEGIN:VEVENT\r\n"))
        XCTAssertTrue(String(decoding: second.bytes[meeting.feed], as: UTF8.self).hasPrefix("<entry>\n"))
        XCTAssertTrue(
            try String(contentsOf: out.appendingPathComponent("en/calendar.ics"), encoding: .utf8).contains(
                "SUMMARY;LANGUAGE=en:Forum\\, renamed"))
        try assertListsAreThoseOfACleanBuild()
    }

    /// An unchanged event's fragment is taken from the store as it is: a store whose fragment
    /// was altered (its checksum no longer matching), cut short, emptied, or written for another
    /// language (same events, same keys) is never used.
    func testADamagedOrForeignStoreIsIgnored() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let english = try XCTUnwrap(PlainFile.readBytes(storePath("en")))
        let russian = try XCTUnwrap(PlainFile.readBytes(storePath("ru")))
        let meeting = try XCTUnwrap(FragmentStore.read(storePath("en"), language: "en")?.entries["events/2025/meeting"])
        var altered = english
        altered[meeting.calendar.lowerBound + 40] ^= 0x01
        let damaged: [(String, [UInt8])] = [
            ("a fragment altered", altered), ("cut short", Array(english.dropLast(9))),
            ("empty", []), ("the Russian store", russian)
        ]
        for (index, (name, bytes)) in damaged.enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: storePath("en")))
            XCTAssertNil(FragmentStore.read(storePath("en"), language: "en")?.entries.count, name)
            // Another event is edited, so the meeting's fragment would be taken if the store were trusted.
            content.write(["events/2024/milestone/en.md": "---\ntitle: Milestone \(index)\n---\n"])
            _ = try XCTUnwrap(build(content: content.url, output: out), name)
            try assertListsAreThoseOfACleanBuild()
        }
    }
}
