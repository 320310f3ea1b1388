import Foundation
import XCTest
@testable import PlanSite

/// A rebuild leaves alone what did not change: nothing at all when no input changed, and every
/// file whose bytes are the same when one did (same inode, same modification time).
final class IncrementalBuildTests: SmallSiteTestCase {

    private var out: URL { output.url.appendingPathComponent("public") }

    /// Inode and modification time (nanoseconds) of every file of the output.
    private func stamps() -> [String: String] {
        var result: [String: String] = [:]
        // The marker is not a page of the site (nor in the manifest): it is left alone.
        for file in TemporaryFolder.list(out) where file != OutputWriter.markerName {
            var info = stat()
            XCTAssertEqual(stat(out.appendingPathComponent(file).path, &info), 0)
            result[file] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return result
    }

    func testNothingChangedMeansNothingWritten() throws {
        let first = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertFalse(first.unchanged)
        let before = stamps()
        let second = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertTrue(second.unchanged)
        XCTAssertEqual(stamps(), before)
    }

    /// With no input changed, a deleted or hand-edited output file is made again, and only it.
    func testNothingChangedStillRestoresADeletedOrEditedFile() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let deleted = out.appendingPathComponent("ru/events/meeting/index.html")
        let edited = out.appendingPathComponent("en/calendar.ics")
        let deletedBytes = try Data(contentsOf: deleted), editedBytes = try Data(contentsOf: edited)
        try FileManager.default.removeItem(at: deleted)
        try Data("edited by hand\n".utf8).write(to: edited)
        let before = stamps().filter { $0.key != "en/calendar.ics" }
        let rebuilt = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertFalse(rebuilt.unchanged)
        XCTAssertEqual(try Data(contentsOf: deleted), deletedBytes)
        XCTAssertEqual(try Data(contentsOf: edited), editedBytes)
        let after = stamps()
        for (file, stamp) in before { XCTAssertEqual(after[file], stamp, "\(file) was left alone") }
        XCTAssertTrue(try XCTUnwrap(build(content: content.url, output: out)).unchanged)
    }

    func testOneEditedEventRewritesOnlyWhatShowsIt() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let before = stamps()
        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed\n---\n"])
        let summary = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertFalse(summary.unchanged)
        let after = stamps()
        let rewritten = Set(after.keys.filter { before[$0] != after[$0] })
        // Its page (kk and ru show the English text), the lists and calendars that show its title.
        for file in [
            "en/events/forum/index.html", "ru/events/forum/index.html", "en/areas/one/index.html",
            "en/calendar/index.html", "en/calendar.ics", "en/feed.xml", "en/events/forum/event.ics"
        ] {
            XCTAssertTrue(rewritten.contains(file), file)
        }
        // Pages that do not show it keep their inode and time.
        for file in [
            "en/events/meeting/index.html", "en/documents/plan/index.html", "en/areas/two/index.html",
            "sitemap.xml", "robots.txt", "404.html"
        ] {
            XCTAssertFalse(rewritten.contains(file), file)
        }
        XCTAssertEqual(summary.keptFiles, after.count - rewritten.count)
    }

    func testACorruptOrForeignManifestIsIgnored() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        // The last: a sound manifest but for a path that leaves the output folder.
        let escaping = BuildManifest(fingerprint: "x", files: ["../escape": .init(hash: 1, size: 1, modified: 1)])
            .serialized()
        let texts = [
            "not a manifest", "plansite-manifest 99\nfingerprint x\n",
            "plansite-manifest 1\nfingerprint x\nzz 1 ../escape\n"
        ]
        for (number, garbage) in (texts.map({ Data($0.utf8) }) + [Data(escaping)]).enumerated() {
            try garbage.write(to: output.url.appendingPathComponent(".public.plansite-manifest"))
            let before = stamps()
            let summary = try XCTUnwrap(build(content: content.url, output: out))
            XCTAssertFalse(summary.unchanged, "case \(number)")
            XCTAssertEqual(summary.keptFiles, 0, "case \(number)")
            let after = stamps()
            XCTAssertTrue(after.keys.allSatisfy { before[$0] != after[$0] }, "case \(number)")
        }
    }

    func testAFileChangedByHandIsWrittenAgain() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        // Same size, other bytes: the manifest's size matches, so the hash must be what tells.
        let page = out.appendingPathComponent("en/events/meeting/index.html")
        var bytes = try Data(contentsOf: page)
        bytes[bytes.count - 2] = UInt8(ascii: "X")
        try bytes.write(to: page)
        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed again\n---\n"])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertFalse(try String(contentsOf: page, encoding: .utf8).hasSuffix("X\n"))
    }

    /// The event pages and calendar files of every event but `slug`, in every language.
    private func otherEventsFiles(than slug: String, in files: [String]) -> [String] {
        files.filter { file in
            let parts = file.split(separator: "/")
            return parts.count == 4 && parts[1] == "events" && parts[2] != Substring(slug)
        }
    }

    func testOnlyTheEditedEventsPagesAreRenderedAgain() throws {
        let first = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertEqual(first.renderedFiles, first.pageFiles)
        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed\n---\n"])
        let second = try XCTUnwrap(build(content: content.url, output: out))
        let others = otherEventsFiles(than: "forum", in: Array(stamps().keys))
        XCTAssertEqual(others.count, 2 * 3 * 2)  // two other events, three languages, page and .ics
        // The sitemap is kept too (no address changed), and area two's calendar in each
        // language (the forum is in area one).
        XCTAssertEqual(second.renderedFiles, second.pageFiles - others.count - 1 - 3)
    }

    func testOnlyTheEditedEventsAreaCalendarIsMadeAgain() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let before = stamps()
        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed\n---\n"])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let after = stamps()
        for language in ["en", "ru", "kk"] {
            XCTAssertNotEqual(
                before["\(language)/areas/one/calendar.ics"], after["\(language)/areas/one/calendar.ics"], language)
            XCTAssertEqual(
                before["\(language)/areas/two/calendar.ics"], after["\(language)/areas/two/calendar.ics"], language)
        }
        XCTAssertTrue(
            try String(contentsOf: out.appendingPathComponent("en/areas/one/calendar.ics"), encoding: .utf8)
                .contains("Forum\\, renamed"))
    }

    /// An event moved to another area changes both areas' calendars: the output after the
    /// rebuild is the one a clean build makes, file for file.
    func testARebuildMakesWhatACleanBuildMakes() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        content.write(["events/2024/forum/meta.yaml": "start: 2024-06-25\nend: 2024-06-27\narea: two\nstatus: held\n"])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let clean = output.url.appendingPathComponent("clean")
        _ = try XCTUnwrap(build(content: content.url, output: clean))
        let files = TemporaryFolder.list(out)
        XCTAssertEqual(files, TemporaryFolder.list(clean))
        for file in files {
            XCTAssertEqual(
                try Data(contentsOf: out.appendingPathComponent(file)),
                try Data(contentsOf: clean.appendingPathComponent(file)), file)
        }
        XCTAssertTrue(
            try String(contentsOf: out.appendingPathComponent("en/areas/two/calendar.ics"), encoding: .utf8).contains(
                ":Forum\r\n"))
        XCTAssertFalse(
            try String(contentsOf: out.appendingPathComponent("en/areas/one/calendar.ics"), encoding: .utf8).contains(
                ":Forum\r\n"))
    }

    func testAnEditOutsideTheEventsRendersEveryPage() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        content.write([
            "site.yaml": SmallSite.siteYAML.replacingOccurrences(of: "Test Plan", with: "Test Plan, renamed")
        ])
        let summary = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertEqual(summary.renderedFiles, summary.pageFiles)
        XCTAssertTrue(
            try String(contentsOf: out.appendingPathComponent("en/events/meeting/index.html"), encoding: .utf8)
                .contains("Test Plan, renamed"))
    }

    func testAKeptEventPageChangedByHandIsRenderedAgain() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        let page = out.appendingPathComponent("en/events/meeting/index.html")
        let original = try Data(contentsOf: page)
        try Data("edited by hand".utf8).write(to: page)
        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed\n---\n"])
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertEqual(try Data(contentsOf: page), original)
    }

    func testARemovedEventsPagesAndFoldersGoAway() throws {
        _ = try XCTUnwrap(build(content: content.url, output: out))
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("ru/events/milestone/event.ics").path))
        try FileManager.default.removeItem(at: content.url.appendingPathComponent("events/2024/milestone"))
        _ = try XCTUnwrap(build(content: content.url, output: out))
        for language in ["en", "ru", "kk"] {
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: out.appendingPathComponent("\(language)/events/milestone").path))
        }
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("en/events/forum/index.html").path))
    }
}
