import Foundation
import XCTest
@testable import PlanSite

/// The input fingerprint changes with every file's path, size and modification time, and
/// splits into a shared part and one part per event folder (what a kept page depends on).
final class InputFingerprintTests: SmallSiteTestCase {
    private var theme: TemporaryFolder!

    override func setUp() {
        super.setUp()
        // A copy: a test adds files to it.
        theme = TemporaryFolder()
        try! FileManager.default.removeItem(at: theme.url)
        try! FileManager.default.copyItem(at: Package.theme, to: theme.url)
    }

    override func tearDown() {
        theme = nil
        super.tearDown()
    }

    private let forum = "events/2024/forum", meeting = "events/2025/meeting"

    private func fingerprint(baseURL: String? = nil, drafts: Bool = false, today: String = "1") -> InputFingerprint {
        let options = BuildOptions(
            content: content.url, theme: theme.url, output: output.url.appendingPathComponent("public"),
            baseURL: baseURL, includeDrafts: drafts)
        return InputFingerprint.of(options, today: today)
    }

    /// Sets a file's modification time, leaving its bytes alone.
    private func touch(_ path: String, seconds: Int, nanoseconds: Int = 0) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        XCTAssertEqual(utimensat(AT_FDCWD, content.url.appendingPathComponent(path).path, &times, 0), 0)
    }

    func testTheSameInputsGiveTheSameFingerprint() {
        let first = fingerprint(), second = fingerprint()
        XCTAssertEqual(first, second)
        XCTAssertEqual(
            Set(first.eventFolders.keys),
            Set(
                SmallSite.files.keys.filter { $0.hasPrefix("events/") }.map {
                    String($0[..<$0.lastIndex(of: "/")!])
                }))
    }

    func testAFileOfAnEventChangesOnlyThatEvent() {
        let before = fingerprint()
        content.write([forum + "/en.md": "---\ntitle: Forum, renamed\n---\n"])
        let after = fingerprint()
        XCTAssertNotEqual(after.whole, before.whole)
        XCTAssertEqual(after.shared, before.shared)
        XCTAssertNotEqual(after.eventFolders[forum], before.eventFolders[forum])
        XCTAssertEqual(after.eventFolders[meeting], before.eventFolders[meeting])
        XCTAssertNotEqual(after.reuseKey(forEventFolders: [forum]), before.reuseKey(forEventFolders: [forum]))
        XCTAssertEqual(after.reuseKey(forEventFolders: [meeting]), before.reuseKey(forEventFolders: [meeting]))
        XCTAssertNotEqual(
            after.reuseKey(forEventFolders: [meeting, forum]), before.reuseKey(forEventFolders: [meeting, forum]))
    }

    func testTheModificationTimeAloneCounts() {
        touch(meeting + "/en.md", seconds: 1_700_000_000)
        let before = fingerprint()
        touch(meeting + "/en.md", seconds: 1_700_000_000, nanoseconds: 1)
        let after = fingerprint()
        XCTAssertNotEqual(after.whole, before.whole)
        XCTAssertNotEqual(after.eventFolders[meeting], before.eventFolders[meeting])
        XCTAssertEqual(after.shared, before.shared)
    }

    func testTheSizeAloneCounts() {
        let file = meeting + "/ru.md"
        touch(file, seconds: 1_700_000_000)
        let before = fingerprint()
        content.write([file: content.read(file) + "x"])
        touch(file, seconds: 1_700_000_000)
        let after = fingerprint()
        XCTAssertNotEqual(after.whole, before.whole)
        XCTAssertNotEqual(after.eventFolders[meeting], before.eventFolders[meeting])
    }

    func testARenamedFileCounts() throws {
        let before = fingerprint()
        let folder = content.url.appendingPathComponent(meeting)
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("ru.md"), to: folder.appendingPathComponent("kk.md"))
        let after = fingerprint()
        XCTAssertNotEqual(after.whole, before.whole)
        XCTAssertNotEqual(after.eventFolders[meeting], before.eventFolders[meeting])
    }

    func testAFileOutsideTheEventsChangesEveryKey() {
        let before = fingerprint()
        content.write(["areas/one/kk.md": "---\ntitle: Бірінші\n---\n"])
        let after = fingerprint()
        XCTAssertNotEqual(after.whole, before.whole)
        XCTAssertNotEqual(after.shared, before.shared)
        XCTAssertEqual(after.eventFolders, before.eventFolders)
        XCTAssertNotEqual(after.reuseKey(forEventFolders: [meeting]), before.reuseKey(forEventFolders: [meeting]))
    }

    func testAFileAddedToTheThemeChangesEveryKey() {
        let before = fingerprint()
        theme.write(["assets/extra.css": "p { margin: 0 }\n"])
        let after = fingerprint()
        XCTAssertNotEqual(after.whole, before.whole)
        XCTAssertNotEqual(after.shared, before.shared)
        XCTAssertNotEqual(after.reuseKey(forEventFolders: [forum]), before.reuseKey(forEventFolders: [forum]))
    }

    func testAHiddenFileCounts() {
        let before = fingerprint()
        theme.write([".hidden": "x"])
        XCTAssertNotEqual(fingerprint().whole, before.whole)
    }

    func testAnAddedEventChangesEveryKey() {
        let before = fingerprint()
        content.write([
            "events/2025/summit/meta.yaml": "start: 2025-05-01\n",
            "events/2025/summit/en.md": "---\ntitle: Summit\n---\n"
        ])
        let after = fingerprint()
        XCTAssertNotEqual(after.shared, before.shared)
        XCTAssertNotNil(after.eventFolders["events/2025/summit"])
        XCTAssertNil(before.reuseKey(forEventFolders: ["events/2025/summit"]))
        XCTAssertNotEqual(after.reuseKey(forEventFolders: [forum]), before.reuseKey(forEventFolders: [forum]))
    }

    func testOptionsChangeTheSharedPartAndTodayOnlyTheWhole() {
        let plain = fingerprint()
        for changed in [fingerprint(baseURL: "https://example.com/"), fingerprint(drafts: true)] {
            XCTAssertNotEqual(changed.whole, plain.whole)
            XCTAssertNotEqual(changed.shared, plain.shared)
        }
        let tomorrow = fingerprint(today: "2")
        XCTAssertNotEqual(tomorrow.whole, plain.whole)
        XCTAssertEqual(tomorrow.shared, plain.shared)
        XCTAssertEqual(tomorrow.eventFolders, plain.eventFolders)
    }

    func testAKeyIsTheHashOfTheDigestsBytes() {
        let inputs = fingerprint()
        var bytes: [UInt8] = []
        for digest in [inputs.shared, inputs.eventFolders[forum]!, inputs.eventFolders[meeting]!] {
            withUnsafeBytes(of: digest.littleEndian) { bytes += $0 }
        }
        XCTAssertEqual(inputs.reuseKey(forEventFolders: [forum, meeting]), bytes.withUnsafeBytes { WordHash.of($0) })
    }
}
