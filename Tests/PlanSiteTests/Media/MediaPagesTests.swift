import Foundation
import XCTest

@testable import PlanSite

/// How the media fixture's pages show what was published: pictures with every width, figures,
/// covers in lists, downloads in the reader's language, link previews, calendars. Tags are read
/// with the tests' HTML tokenizer; every picture a tag names is opened and decoded.
final class MediaPagesTests: XCTestCase {
    private let built = MediaSite.built
    private let media = "/plan/" + MediaSite.eventMedia

    /// The start tags inside `<main>` of a page.
    private func mainTags(_ page: String) throws -> [HTMLTokenizer.StartTag] {
        let html = try built.page(page)
        let start = try XCTUnwrap(html.range(of: "<main")), end = try XCTUnwrap(html.range(of: "</main>"))
        return HTMLTokenizer.startTags(String(html[start.lowerBound..<end.upperBound]))
    }

    /// `URL 480w, URL 960w` as (output path, width) pairs.
    private func candidates(_ srcset: String?) -> [(file: String, width: Int)] {
        (srcset ?? "").components(separatedBy: ", ").compactMap { candidate in
            let parts = candidate.split(separator: " ")
            guard parts.count == 2, parts[1].hasSuffix("w"), let width = Int(parts[1].dropLast()) else { return nil }
            return (String(parts[0].dropFirst("/plan/".count)), width)
        }
    }

    /// Every `<img>` of the event page in order: the cover first and eager, every other lazy;
    /// each with alt text, and the width and height of the file it loads; each `srcset`
    /// candidate a file of exactly the width it claims; WebP offered before the fallback.
    func testTheEventPageShowsEveryPictureWithItsSizesAndOnlyTheFirstEager() throws {
        let tags = try mainTags("en/events/field-week/index.html")
        let images = tags.filter { $0.name == "img" }
        XCTAssertEqual(
            images.map { $0.attribute("alt") },
            [
                "Delegates walking across the steppe", "Delegates signing the minutes", "Map of the route",
                "Emblem of the week", "The camp at dusk"
            ])
        XCTAssertEqual(images.map { $0.attribute("loading") }, [nil, "lazy", "lazy", "lazy", "lazy"])
        XCTAssertEqual(
            images.map { $0.attribute("src") },
            [
                "\(media)/field-02-960.jpg", "\(media)/field-01-960.jpg", "\(media)/route.svg",
                "\(media)/emblem-640.png", "\(media)/field-02-960.jpg"
            ])
        for image in images {
            let src = try XCTUnwrap(image.attribute("src")).dropFirst("/plan/".count)
            let size = [image.attribute("width"), image.attribute("height")].compactMap { $0.flatMap { Int($0) } }
            if src.hasSuffix(".svg") {
                XCTAssertEqual(size, [320, 180], "the SVG's own width and height")
                continue
            }
            let decoded = try XCTUnwrap(TestPictures.decode(try built.data(String(src))), String(src))
            XCTAssertEqual(size, [decoded.width, decoded.height], String(src))
            XCTAssertEqual(image.attribute("sizes"), "(min-width: 48rem) 46rem, 100vw")
            XCTAssertFalse(candidates(image.attribute("srcset")).isEmpty)
        }
        let sources = tags.filter { $0.name == "source" }
        XCTAssertEqual(sources.count, 4, "one WebP source per picture")
        for tag in sources + images where tag.attribute("srcset") != nil {
            for candidate in candidates(tag.attribute("srcset")) {
                let decoded = try XCTUnwrap(TestPictures.decode(try built.data(candidate.file)), candidate.file)
                XCTAssertEqual(decoded.width, candidate.width, candidate.file)
            }
        }
        XCTAssertEqual(sources.map { $0.attribute("type") }, Array(repeating: "image/webp", count: 4))
        XCTAssertEqual(
            candidates(sources[0].attribute("srcset")).map(\.width), [480, 960, 1600], "the cover: every width")
        XCTAssertEqual(candidates(sources[1].attribute("srcset")).map(\.width), [480, 960, 1200])
        XCTAssertEqual(
            candidates(images[3].attribute("srcset")).map(\.file),
            [
                "\(MediaSite.eventMedia)/emblem-480.png", "\(MediaSite.eventMedia)/emblem-640.png"
            ])
    }

    /// An image alone in its paragraph is a figure, its title the caption (none without a
    /// title); images in a sentence stay in it.
    func testAnImageAloneIsAFigureWithItsTitleAsCaption() throws {
        let html = try built.page("en/events/field-week/index.html")
        let figures = html.components(separatedBy: "<figure>").dropFirst().map {
            $0.components(separatedBy: "</figure>")[0]
        }
        XCTAssertEqual(figures.count, 2)
        XCTAssertTrue(figures[0].contains("alt=\"Delegates signing the minutes\""), figures[0])
        XCTAssertTrue(figures[0].hasSuffix("</picture><figcaption>Signing of the minutes</figcaption>"), figures[0])
        XCTAssertTrue(figures[1].contains("alt=\"The camp at dusk\""), figures[1])
        XCTAssertFalse(figures[1].contains("<figcaption"), "no title, no caption")
        XCTAssertTrue(html.contains("<p>The route <img src=\"\(media)/route.svg\""))
        XCTAssertTrue(html.contains("</picture> on one line.</p>"))
        let russian = try built.page("ru/events/field-week/index.html")
        XCTAssertTrue(russian.contains("<figcaption>Протокол</figcaption></figure>"))
    }

    /// The downloads in `attachments:` order, each in the reader's own variant (else the file
    /// for all, else the fallback's, marked with `hreflang` and a note in the reader's language),
    /// with its type and size as the reader's language writes them.
    func testDownloadsShowTypeAndSizeInTheReadersLanguage() throws {
        func downloads(_ page: String) throws -> [String] {
            let html = try built.page(page)
            let section = try XCTUnwrap(
                html.components(separatedBy: "<section class=\"downloads\"").dropFirst().first, page)
            return section.components(separatedBy: "</section>")[0].components(separatedBy: "<li>").dropFirst().map {
                $0.components(separatedBy: "</li>")[0]
            }
        }
        let agenda = "<a href=\"\(media)/agenda.pdf\" type=\"application/pdf\" download>agenda.pdf</a>"
        let minutes = "<a href=\"\(media)/minutes.ru.pdf\" type=\"application/pdf\" download"
        XCTAssertEqual(
            try downloads("en/events/field-week/index.html"),
            [
                agenda + " <span class=\"file-details\">PDF, 3 kB</span>",
                minutes + " hreflang=\"ru\">minutes.ru.pdf</a> <span class=\"file-details\">PDF, 2 kB · Russian</span>"
            ])
        XCTAssertEqual(
            try downloads("ru/events/field-week/index.html"),
            [
                "<a href=\"\(media)/agenda.ru.pdf\" type=\"application/pdf\" download>agenda.ru.pdf</a> "
                    + "<span class=\"file-details\">PDF, 3 кБ</span>",
                minutes + ">minutes.ru.pdf</a> <span class=\"file-details\">PDF, 2 кБ</span>"
            ])
        let charter = "<a href=\"/plan/media/documents/charter/charter-signed."
        XCTAssertEqual(
            try downloads("en/documents/charter/index.html"),
            [
                charter + "en.pdf\" type=\"application/pdf\" download>charter-signed.en.pdf</a> "
                    + "<span class=\"file-details\">PDF, 4 kB</span>"
            ])
        XCTAssertEqual(
            try downloads("kk/documents/charter/index.html"),
            [
                charter + "ru.pdf\" type=\"application/pdf\" download hreflang=\"ru\">charter-signed.ru.pdf</a> "
                    + "<span class=\"file-details\">PDF, 5 кБ · Орыс тілі</span>"
            ])
    }

    /// A link in the text to a file the reader's language lacks leads to another language's
    /// file and says so; to the reader's own variant, it says nothing.
    func testALinkToAnotherLanguagesFileHasHreflangAndANote() throws {
        let english = try built.page("en/events/field-week/index.html")
        XCTAssertTrue(
            english.contains(
                "Read <a href=\"\(media)/agenda.pdf\">the agenda</a> and <a href=\"\(media)/minutes.ru.pdf\" "
                    + "hreflang=\"ru\">the minutes</a> <span class=\"link-language\" lang=\"en\">(Russian)</span>."),
            english)
        let russian = try built.page("ru/events/field-week/index.html")
        XCTAssertTrue(
            russian.contains(
                "<a href=\"\(media)/agenda.ru.pdf\">Повестка</a>, "
                    + "<a href=\"\(media)/minutes.ru.pdf\">протокол</a>."),
            russian)
        // Kazakh readers get the Russian text, and its link to the Russian minutes says so in Kazakh.
        let kazakh = try built.page("kk/events/field-week/index.html")
        XCTAssertTrue(
            kazakh.contains(
                "<a href=\"\(media)/minutes.ru.pdf\" hreflang=\"ru\">протокол</a> "
                    + "<span class=\"link-language\" lang=\"kk\">(Орыс тілі)</span>"),
            kazakh)
    }

    /// `og:image` is the cover cut to 1200x630 with its alt text in the reader's language (its
    /// fallback's where it has none); a page without a cover shows the theme's picture.
    func testLinkPreviewsShowTheCoverWithItsSizeAndAltText() throws {
        func preview(_ page: String) throws -> [String: String] {
            let tags = HTMLTokenizer.startTags(try built.page(page)).filter { $0.name == "meta" }
            var found: [String: String] = [:]
            for tag in tags {
                if let key = tag.attribute("property") ?? tag.attribute("name"), let value = tag.attribute("content") {
                    found[key] = value
                }
            }
            return found
        }
        let cover = "https://example.org/plan/media/events/field-week/field-02-cover.jpg"
        for (language, alt) in [
            ("en", "Delegates walking across the steppe"), ("ru", "Делегаты идут по степи"),
            ("kk", "Делегаты идут по степи")
        ] {
            let meta = try preview("\(language)/events/field-week/index.html")
            XCTAssertEqual(meta["og:image"], cover, language)
            XCTAssertEqual(meta["og:image:type"], "image/jpeg", language)
            XCTAssertEqual(meta["og:image:width"], "1200", language)
            XCTAssertEqual(meta["og:image:height"], "630", language)
            XCTAssertEqual(meta["og:image:alt"], alt, language)
            XCTAssertEqual(meta["twitter:card"], "summary_large_image", language)
        }
        let plain = try preview("en/documents/charter/index.html")
        let themePicture = try XCTUnwrap(plain["og:image"])
        XCTAssertTrue(themePicture.hasPrefix("https://example.org/plan/assets/preview."), themePicture)
        let published = try built.data(String(themePicture.dropFirst("https://example.org/plan/".count)))
        let decoded = try XCTUnwrap(TestPictures.decode(published))
        XCTAssertEqual([plain["og:image:width"], plain["og:image:height"]], ["\(decoded.width)", "\(decoded.height)"])
        XCTAssertEqual(plain["og:image:alt"], "Test Plan 2024-2029")
    }

    /// The event's JSON-LD names its cover: the preview's cut and the largest picture.
    func testEventStructuredDataNamesTheCover() throws {
        let script = try XCTUnwrap(
            HTMLTokenizer.startTags(try built.page("en/events/field-week/index.html")).first {
                $0.name == "script" && $0.attribute("type") == "application/ld+json"
            }?.rawText)
        let json = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        XCTAssertEqual(
            json["image"] as? [String],
            [
                "https://example.org/plan/media/events/field-week/field-02-cover.jpg",
                "https://example.org/plan/media/events/field-week/field-02-1600.jpg"
            ])
    }

    /// The event's cover on its card in the home page's and its area's lists, small and lazy;
    /// the home page's own photo, first on its page, is not lazy.
    func testTheCoverShowsOnTheEventsCardsInLists() throws {
        for page in ["en/index.html", "en/areas/gamma/index.html", "ru/index.html"] {
            let tags = try mainTags(page)
            let cards = tags.indices.filter {
                tags[$0].name == "picture" && tags[$0].attribute("class") == "event-cover"
            }
            XCTAssertEqual(cards.count, 1, page)
            let image = try XCTUnwrap(tags[cards[0]...].first { $0.name == "img" })
            XCTAssertEqual(image.attribute("src"), "\(media)/field-02-960.jpg", page)
            XCTAssertEqual(image.attribute("sizes"), "(min-width: 48rem) 12rem, 40vw", page)
            XCTAssertEqual(image.attribute("loading"), "lazy", page)
            XCTAssertEqual(
                image.attribute("alt"),
                page.hasPrefix("ru") ? MediaSite.coverAlt["ru"] : MediaSite.coverAlt["en"])
        }
        let home = try mainTags("en/index.html").filter { $0.name == "img" }
        XCTAssertEqual(home.first?.attribute("src"), "/plan/media/home/welcome-800.jpg")
        XCTAssertEqual(home.first?.attribute("loading"), nil)
        XCTAssertEqual([home.first?.attribute("width"), home.first?.attribute("height")], ["800", "500"])
    }

    /// Every page links the theme's favicon, which is published.
    func testEveryPageLinksThePublishedFavicon() throws {
        let pages = TemporaryFolder.list(built.output).filter { $0.hasSuffix(".html") }
        XCTAssertGreaterThan(pages.count, 40)
        for page in pages {
            guard
                let icon = HTMLTokenizer.startTags(try built.page(page)).first(where: {
                    $0.name == "link" && $0.attribute("rel") == "icon"
                })
            else {
                // A redirect page is only a forwarding address.
                XCTAssertTrue(try built.page(page).contains("http-equiv=\"refresh\""), "\(page) has no favicon")
                continue
            }
            XCTAssertEqual(icon.attribute("type"), "image/svg+xml", page)
            let file = try XCTUnwrap(icon.attribute("href")).dropFirst("/plan/".count)
            XCTAssertTrue(String(decoding: try built.data(String(file)), as: UTF8.self).contains("<svg"), page)
        }
    }

    /// An event's calendar attaches its downloads by address and type, in the reader's variant.
    func testEventCalendarsAttachTheDownloads() throws {
        func attachments(_ file: String) throws -> [String] {
            try built.page(file).replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
                .filter { $0.hasPrefix("ATTACH") }
        }
        let address = "https://example.org/plan/media/events/field-week/"
        XCTAssertEqual(
            try attachments("en/events/field-week/event.ics"),
            [
                "ATTACH;FMTTYPE=application/pdf:\(address)agenda.pdf",
                "ATTACH;FMTTYPE=application/pdf:\(address)minutes.ru.pdf"
            ])
        XCTAssertEqual(
            try attachments("ru/events/field-week/event.ics"),
            [
                "ATTACH;FMTTYPE=application/pdf:\(address)agenda.ru.pdf",
                "ATTACH;FMTTYPE=application/pdf:\(address)minutes.ru.pdf"
            ])
        XCTAssertEqual(try attachments("en/calendar.ics").count, 2, "the whole calendar too")
    }

    /// Pictures cost the HTML little: every page stays under 30 KB.
    func testEveryPageStaysUnder30KB() throws {
        for page in TemporaryFolder.list(built.output) where page.hasSuffix(".html") {
            XCTAssertLessThan(try built.data(page).count, 30_000, page)
        }
    }
}
