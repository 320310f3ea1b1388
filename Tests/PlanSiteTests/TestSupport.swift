import Foundation
import XCTest
@testable import PlanSite

/// The package's own folders, found from this file, so tests build the real theme and content.
enum Package {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let theme = root.appendingPathComponent("theme")
    static let content = root.appendingPathComponent("content")
}

/// A folder in the system's temporary space, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes files given as relative path -> text.
    func write(_ files: [String: String]) {
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try! FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: file)
        }
    }

    func read(_ path: String) -> String {
        (try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// A file's bytes (empty when it cannot be read).
    func bytes(_ path: String) -> [UInt8] {
        [UInt8]((try? Data(contentsOf: url.appendingPathComponent(path))) ?? Data())
    }

    /// Every file below a folder, relative, sorted (hidden files included).
    static func list(_ root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { name in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }
}

/// A small trilingual site written by the test itself: en complete, ru partial, kk mostly missing.
enum SmallSite {
    static let siteYAML = """
        title: {en: "Test Plan", ru: "Тестовый план", kk: "Сынақ жоспары"}
        languages:
          - {code: en, name: English, locale: en-GB}
          - {code: ru, name: Русский, fallback: [en]}
          - {code: kk, name: Қазақша, fallback: [ru, en]}
        baseURL: https://example.org/plan/
        timezone: Asia/Almaty
        period: {start: 2024, end: 2025}
        organizations:
          cica: {en: CICA, ru: СВМДА, kk: Азия Кеңесі}
          sco: {en: SCO, ru: ШОС, kk: ШЫҰ}
        """

    static var files: [String: String] {
        [
            "site.yaml": siteYAML,
            "home/en.md": "---\ntitle: Welcome\n---\nSee [the plan](/documents/plan) and [area one](/areas/one).\n",
            "home/ru.md": "---\ntitle: Добро пожаловать\n---\nСм. [план](/documents/plan).\n",
            "documents/plan/meta.yaml": "order: 1\ndate: 2024-06-13\nplace: {en: Astana, ru: Астана}\n"
                + "reference: T/1\n",
            "documents/plan/en.md":
                "---\ntitle: The Plan\nareasTable: {number: \"No.\", title: Events}\n---\n## Have agreed\n\n"
                + "Text with [event](../../events/2025/meeting#details).\n",
            "documents/plan/ru.md":
                "---\ntitle: План\nareasTable: {number: \"№\", title: Мероприятия}\n---\n"
                + "## Договорились\n\nТекст.\n",
            "areas/one/meta.yaml": "number: 1\n",
            "areas/one/en.md": "---\ntitle: Area One\n---\nAbout area one.\n",
            "areas/two/meta.yaml": "number: 2\n",
            "areas/two/en.md": "---\ntitle: Area Two\n---\n",
            "areas/two/ru.md": "---\ntitle: Направление два\n---\n",
            "events/2025/meeting/meta.yaml":
                "start: 2025-03-12 10:00\nend: 2025-03-12 12:30\narea: one\nformat: hybrid\norganizers: [cica, sco]\n",
            "events/2025/meeting/en.md":
                "---\ntitle: Expert meeting\nlocation: Astana\nsummary: A meeting.\n---\n## Details\n\nBody.\n",
            "events/2025/meeting/ru.md": "---\ntitle: Встреча экспертов\nlocation: Астана\n---\n"
                + "Текст.\n",
            "events/2024/forum/meta.yaml": "start: 2024-06-25\nend: 2024-06-27\narea: one\nstatus: held\n",
            "events/2024/forum/en.md": "---\ntitle: Forum\n---\n",
            "events/2024/milestone/meta.yaml": "start: 2024-09-01\nstatus: cancelled\n",
            "events/2024/milestone/en.md": "---\ntitle: Milestone\n---\n",
            "events/2025/hidden/meta.yaml": "start: 2025-05-01\ndraft: true\n",
            "events/2025/hidden/en.md": "---\ntitle: Draft event\n---\n"
        ]
    }
}

/// A test case with the small site written to `content` and an empty `output` folder, fresh for
/// each test.
class SmallSiteTestCase: XCTestCase {
    var content: TemporaryFolder!
    var output: TemporaryFolder!

    override func setUp() {
        content = TemporaryFolder()
        content.write(SmallSite.files)
        output = TemporaryFolder()
    }

    // XCTest on Linux never frees a test case: what it holds must be let go here, or its
    // temporary folders stay on disk (found by AddressSanitizer's leak check, issue 5).
    override func tearDown() {
        content = nil
        output = nil
    }
}

extension XCTestCase {
    /// Builds content into a fresh output folder; fails the test on any diagnostic.
    func build(
        content: URL, output: URL, baseURL: String? = nil, drafts: Bool = false,
        today: String = "2024-12-01", file: StaticString = #filePath, line: UInt = #line
    ) -> BuildSummary? {
        let options = BuildOptions(
            content: content, theme: Package.theme, output: output, baseURL: baseURL,
            includeDrafts: drafts, now: ISO8601DateFormatter().date(from: today + "T00:00:00Z")!)
        switch SiteBuilder.build(options) {
        case .success(let summary): return summary
        case .failure(let failure):
            XCTFail(failure.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
            return nil
        }
    }
}

extension OutputWriter {
    /// A writer with the memory a build keeps beside `output` (its manifest, its journal), as
    /// `plansite build` has it; its content and theme are folders that do not exist.
    static func remembering(_ output: URL) -> OutputWriter {
        let nowhere = output.deletingLastPathComponent().appendingPathComponent("no-such-input")
        let options = BuildOptions(content: nowhere, theme: nowhere, output: output)
        return OutputWriter(output: output, memory: OutputFolderMemory(options: options))
    }

    /// Commits, and has the memory remember the files, as a build does.
    func commitAndRemember() throws {
        try memory.commit(files: try commit())
    }
}

/// A build memory holding a load cache alone, with the keys a test chooses: loads the content
/// as a build would with `cache`, and gives the cache that load leaves for the next build.
final class LoadCacheMemory: NoBuildMemory, @unchecked Sendable {
    private let cache: LoadCache
    private let keys: @Sendable (String) -> UInt64?
    private(set) var next = LoadCache()

    init(cache: LoadCache, keys: @escaping @Sendable (String) -> UInt64?) {
        self.cache = cache
        self.keys = keys
        super.init()
    }

    static func load(
        _ content: URL, cache: LoadCache,
        keys: @escaping @Sendable (String) -> UInt64?
    ) -> (Result<Site, BuildFailure>, LoadCache) {
        let memory = LoadCacheMemory(cache: cache, keys: keys)
        let site = ContentLoader.load(contentDirectory: content, memory: memory)
        return (site, memory.next)
    }

    override func loadedEvent(in folder: String) -> RememberedEvent? {
        cache.event(in: folder, key: keys(folder)).map(RememberedEvent.init)
    }
    override func rememberLoaded(_ events: [LoadedEvent]) { next = LoadCache(remembering: events, key: keys) }
}
