import Foundation
import XCTest

@testable import PlanSite

/// The media fixture: `valid-basic` with photos, pictures and PDFs made at test time (no binary
/// file is committed). The event `field-week` (upcoming on the build's day, so its cover shows
/// on the home page) holds two camera JPEGs with GPS, make, model, XMP and IPTC, one of them
/// turned by its orientation tag; an RGBA PNG with an author's text; a clean SVG; an agenda in English and Russian and
/// minutes in Russian only. The charter has its signed text in English and Russian; the home
/// page a photo of its own.
enum MediaSite {
    static let event = "events/2025/field-week"
    /// Where the event's media are published.
    static let eventMedia = "media/events/field-week"
    /// The build's "today": field-week (May 2025) is upcoming.
    static let today = "2024-12-01"

    /// Stored 2000x1200 with orientation 6 (turned a quarter clockwise): upright 1200x2000.
    static let turnedPhoto = "field-01.jpg"
    /// 2400x1600, upright: every width, and the cover.
    static let coverPhoto = "field-02.jpg"
    static let emblem = "emblem.png"

    /// The cover's alt text in each language that has a text (kk shows ru's).
    static let coverAlt = [
        "en": "Delegates walking across the steppe", "ru": "Делегаты идут по степи"
    ]

    static let texts: [String: String] = [
        "\(event)/meta.yaml": """
        start: 2025-05-05
        end: 2025-05-09
        area: gamma
        format: hybrid
        organizers: sco
        cover: field-02.jpg
        attachments: [agenda.pdf, minutes.pdf]

        """,
        "\(event)/en.md": """
        ---
        title: Field week
        coverAlt: \(coverAlt["en"]!)
        ---
        Five days in the field.

        ![Delegates signing the minutes](field-01.jpg "Signing of the minutes")

        The route ![Map of the route](route.svg) and the emblem ![Emblem of the week](emblem.png) on one line.

        ![The camp at dusk](field-02.jpg)

        Read [the agenda](agenda.pdf) and [the minutes](minutes.pdf).

        """,
        "\(event)/ru.md": """
        ---
        title: Полевая неделя
        coverAlt: \(coverAlt["ru"]!)
        ---
        Пять дней.

        ![Подписание протокола](field-01.jpg "Протокол")

        [Повестка](agenda.pdf), [протокол](minutes.pdf).

        """,
        "\(event)/route.svg": """
        <svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">
          <defs><linearGradient id="sky"><stop offset="0" stop-color="#9cf"/></linearGradient></defs>
          <rect width="320" height="180" fill="url(#sky)"/>
          <path d="M10 170 L160 20 L310 170" stroke="#333" fill="none"/>
        </svg>

        """,
        "documents/charter/meta.yaml": """
        order: 1
        reference: DOC/1
        date: 2024-01-15
        place: {en: Astana, ru: Астана}
        attachments: [charter-signed.pdf]

        """,
        "home/en.md": """
        ---
        title: Test Plan
        ---
        Welcome. Read [the charter](/documents/charter) and the [notes](/documents/notes).

        ![The river at Astana](welcome.jpg)

        """
    ]

    /// The PDFs, by path: sizes chosen to show as kilobytes in every language.
    static let pdfs: [String: (text: String, size: Int)] = [
        "\(event)/agenda.pdf": ("Agenda", 2_500),
        "\(event)/agenda.ru.pdf": ("Povestka", 3_100),
        "\(event)/minutes.ru.pdf": ("Protokol", 1_800),
        "documents/charter/charter-signed.en.pdf": ("Charter, signed", 4_200),
        "documents/charter/charter-signed.ru.pdf": ("Ustav, podpisan", 4_700)
    ]

    /// Writes the site into `folder`: valid-basic, the texts above, and every media file.
    static func write(into folder: URL) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: Fixtures.validBasic.url.path) {
            try manager.copyItem(
                at: Fixtures.validBasic.url.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for (path, text) in texts { try Data(text.utf8).write(to: folder.appendingPathComponent(path)) }
        let pictures: [String: Data] = [
            "\(event)/\(turnedPhoto)": TestPictures.cameraJPEG(width: 2000, height: 1200, orientation: 6),
            "\(event)/\(coverPhoto)": TestPictures.cameraJPEG(width: 2400, height: 1600),
            "\(event)/\(emblem)": TestFiles.withText(
                TestPictures.rgbaPNG(width: 640, height: 400), keyword: "Author", text: CameraMetadata.photographer),
            "home/welcome.jpg": TestPictures.cameraJPEG(width: 800, height: 500, orientation: 3)
        ]
        for (path, bytes) in pictures { try bytes.write(to: folder.appendingPathComponent(path)) }
        for (path, pdf) in pdfs {
            try TestFiles.pdf(saying: pdf.text, size: pdf.size).write(to: folder.appendingPathComponent(path))
        }
    }

    static func options(content: URL, output: URL) -> BuildOptions {
        BuildOptions(
            content: content, theme: Package.theme, output: output,
            now: ISO8601DateFormatter().date(from: today + "T00:00:00Z")!)
    }

    /// The site written and built once for the whole test process, for the tests that only
    /// read what it published.
    static let built: Built = {
        let content = root.appendingPathComponent("content"), output = root.appendingPathComponent("public")
        do {
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            try write(into: content)
        } catch {
            fatalError("cannot write the media site: \(error)")
        }
        let result = SiteBuilder.build(options(content: content, output: output))
        return Built(root: root, content: content, output: output, result: result)
    }()

    /// Where `built` is: one folder per test process, removed when it exits.
    private static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-media-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: MediaSite.root) }
        return url
    }()

    struct Built {
        let root: URL
        let content: URL
        let output: URL
        let result: Result<BuildSummary, BuildFailure>

        /// The summary, or the test fails with every diagnostic.
        func summary(file: StaticString = #filePath, line: UInt = #line) throws -> BuildSummary {
            switch result {
            case .success(let summary): return summary
            case .failure(let failure):
                XCTFail(failure.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
                throw failure
            }
        }

        func data(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> Data {
            try XCTUnwrap(
                FileManager.default.contents(atPath: output.appendingPathComponent(path).path), "no \(path)",
                file: file, line: line)
        }

        func page(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
            String(decoding: try data(path, file: file, line: line), as: UTF8.self)
        }
    }
}
