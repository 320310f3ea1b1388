import Foundation
import XCTest

@testable import PlanSite

/// What `plansite check` tells a site editor about broken content: every problem, each as
/// `path:line:column: error: message`, with the path relative to the working folder.
///
/// Each case is the base site `Fixtures/invalid/base` with one problem, kept in
/// `Fixtures/invalid/<case>` as only the files it changes (see `Fixtures/invalid/README.md`);
/// each test compares the WHOLE diagnostic list.
final class LoaderDiagnosticsTests: XCTestCase {
    /// Loads case `name`, assembled from the base, and compares every diagnostic, in order.
    private func assertDiagnostics(
        _ name: String, file: StaticString = #filePath, line: UInt = #line,
        _ expected: (ContentFixture) -> [String]
    ) {
        let fixture = Fixtures.invalid(name)
        XCTAssertEqual(fixture.loadDiagnostics(file: file, line: line), expected(fixture), file: file, line: line)
    }

    // MARK: - The valid fixture

    func testValidBasicLoads() throws {
        let site = try XCTUnwrap(Fixtures.validBasic.loadSite())
        let config = site.config

        XCTAssertEqual(config.languages.map(\.code), ["en", "ru", "kk"])
        XCTAssertEqual(config.languages.map(\.name), ["English", "Русский", "Қазақша"])
        XCTAssertEqual(config.languages.map(\.locale), ["en-GB", "ru", "kk"])
        XCTAssertEqual(config.defaultLanguage.code, "en")
        XCTAssertEqual(config.baseURL, "https://example.org/plan/")
        XCTAssertEqual(config.basePath, "/plan/")
        XCTAssertEqual(config.timezone.identifier, "Asia/Almaty")
        XCTAssertEqual(config.period, 2024...2029)
        XCTAssertEqual(config.organizationOrder, ["cica", "sco"])
        XCTAssertEqual(config.organizations["sco"]?.values, ["en": "SCO", "ru": "ШОС", "kk": "ШЫҰ"])
        XCTAssertEqual(config.title.values["en"], "Test Plan 2024-2029")

        XCTAssertEqual(site.home.keys.sorted(), ["en", "ru"])
        XCTAssertEqual(site.home["en"]?.title, "Test Plan")

        XCTAssertEqual(site.documents.map(\.slug), ["charter", "notes"])
        XCTAssertEqual(site.documents.map(\.order), [1, 2])
        let charter = site.documents[0]
        XCTAssertEqual(charter.folder, "documents/charter")
        XCTAssertEqual(charter.reference, "DOC/1")
        XCTAssertEqual(charter.date, CalendarDate(year: 2024, month: 1, day: 15))
        XCTAssertEqual(charter.place?.values, ["en": "Astana", "ru": "Астана"])
        XCTAssertEqual(charter.texts.keys.sorted(), ["en", "ru"])
        XCTAssertEqual(charter.texts["en"]?.subtitle, "The founding text")
        XCTAssertEqual(site.documents[1].texts.keys.sorted(), ["en"])

        XCTAssertEqual(site.areas.map(\.slug), ["alpha", "beta", "gamma"])
        XCTAssertEqual(site.areas.map(\.number), [1, 2, 3])
        XCTAssertEqual(site.areas.map { $0.texts.keys.sorted() }, [["en", "ru"], ["en"], ["en", "ru"]])
        XCTAssertEqual(site.areas[0].texts["en"]?.short, "First")
        XCTAssertEqual(site.areas[0].texts["ru"]?.title, "Альфа")
        XCTAssertNil(site.areas[1].texts["en"]?.short)

        // Sorted by start; year sub-folders group events but the slug is the innermost folder.
        XCTAssertEqual(
            site.events.map(\.slug),
            ["kickoff-meeting", "online-briefing", "field-week", "cancelled-forum", "annual-review"])
        XCTAssertEqual(
            site.events.map(\.folder),
            [
                "events/2025/kickoff-meeting", "events/2025/online-briefing", "events/2025/field-week",
                "events/2025/cancelled-forum", "events/2026/annual-review"
            ])

        let kickoff = site.events[0]
        XCTAssertEqual(kickoff.start, EventTime(date: CalendarDate(year: 2025, month: 3, day: 12)))
        XCTAssertNil(kickoff.end)
        XCTAssertEqual(kickoff.area, "alpha")
        XCTAssertEqual(kickoff.status, .held)
        XCTAssertEqual(kickoff.format, .inPerson)
        XCTAssertEqual(kickoff.organizers, ["cica"])
        XCTAssertEqual(kickoff.timezone.identifier, "Asia/Almaty")
        XCTAssertFalse(kickoff.draft)
        XCTAssertEqual(kickoff.texts["en"]?.location, "Astana")
        XCTAssertEqual(kickoff.texts["en"]?.summary, "The first meeting.")

        let briefing = site.events[1]
        XCTAssertEqual(
            briefing.start, EventTime(date: CalendarDate(year: 2025, month: 4, day: 2), minuteOfDay: 10 * 60))
        XCTAssertEqual(
            briefing.end, EventTime(date: CalendarDate(year: 2025, month: 4, day: 2), minuteOfDay: 12 * 60 + 30))
        XCTAssertTrue(briefing.start.isTimed)
        XCTAssertEqual(briefing.timezone.identifier, "Europe/Berlin")
        XCTAssertEqual(briefing.format, .online)
        XCTAssertEqual(briefing.status, .planned)
        XCTAssertEqual(briefing.organizers, ["cica", "sco"])

        let fieldWeek = site.events[2]
        XCTAssertEqual(fieldWeek.end, EventTime(date: CalendarDate(year: 2025, month: 5, day: 9)))
        XCTAssertEqual(fieldWeek.lastDay, CalendarDate(year: 2025, month: 5, day: 9))
        XCTAssertEqual(fieldWeek.format, .hybrid)
        XCTAssertEqual(fieldWeek.organizers, ["sco"], "a single organizer may be written without a list")

        let cancelled = site.events[3]
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertNil(cancelled.area, "an event without an area is a plan milestone")
        XCTAssertEqual(cancelled.organizers, [])

        XCTAssertEqual(site.events[4].start.date, CalendarDate(year: 2026, month: 2, day: 10))
        XCTAssertEqual(site.events[4].area, "alpha")
    }

    func testValidBasicFallback() throws {
        let site = try XCTUnwrap(Fixtures.validBasic.loadSite())
        let config = site.config
        XCTAssertEqual(config.fallbackChain(for: "en"), ["en", "ru", "kk"])
        XCTAssertEqual(config.fallbackChain(for: "ru"), ["ru", "en", "kk"])
        XCTAssertEqual(config.fallbackChain(for: "kk"), ["kk", "ru", "en"])

        let alpha = site.areas[0].texts, beta = site.areas[1].texts
        // A translated item: its own language, and kk falls back to ru first.
        XCTAssertEqual(config.choose(alpha, for: "ru").map { [$0.language, $0.text.title] }, ["ru", "Альфа"])
        XCTAssertEqual(config.choose(alpha, for: "ru")?.isFallback, false)
        XCTAssertEqual(config.choose(alpha, for: "kk").map { [$0.language, $0.text.title] }, ["ru", "Альфа"])
        XCTAssertEqual(config.choose(alpha, for: "kk")?.isFallback, true)
        // An English-only item: every language falls back to en.
        XCTAssertEqual(config.choose(beta, for: "ru").map { [$0.language, $0.text.title] }, ["en", "Beta"])
        XCTAssertEqual(config.choose(beta, for: "kk")?.language, "en")
        XCTAssertEqual(config.choose(beta, for: "kk")?.isFallback, true)
        XCTAssertEqual(config.choose(site.home, for: "kk")?.language, "ru")
    }

    /// The whole pipeline short of writing (theme, links written relative and from the root, page plan).
    func testValidBasicPassesCheck() {
        switch Fixtures.validBasic.check() {
        case .success(let summary):
            XCTAssertEqual(summary.warnings.map(\.description), [])
        case .failure(let failure):
            XCTFail("expected no problems, got:\n" + failure.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }

    /// A UTF-8 byte order mark and Windows line endings are accepted, and positions stay right.
    func testBOMAndCRLFLoad() throws {
        let site = try XCTUnwrap(Fixtures.invalid("bom-crlf").loadSite())
        XCTAssertEqual(site.config.languages.map(\.code), ["en", "ru", "kk"])
        XCTAssertEqual(site.config.title.values["ru"], "Тестовый план 2024-2029")
        XCTAssertEqual(site.areas.map(\.number), [1, 2])
        XCTAssertEqual(site.areas[0].texts["en"]?.title, "Alpha")
        XCTAssertEqual(site.areas[0].texts["en"]?.short, "First")
        XCTAssertEqual(site.areas[0].texts["en"]?.body.links.map(\.url), ["/areas/beta"])
        XCTAssertEqual(site.areas[0].texts["en"]?.body.links.map(\.position.line), [5])
        XCTAssertEqual(site.events.map(\.organizers), [["cica"]])
    }

    func testBOMAndCRLFPositions() {
        assertDiagnostics("bom-crlf-error") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):3:7: error: unknown area 'delta'"
            ]
        }
    }

    // MARK: - Paths

    /// Paths are shown relative to the working folder (here: the folder holding the cases).
    func testPathsAreRelativeToTheWorkingFolder() {
        let fixture = Fixtures.invalid("unknown-area-no-near-miss")
        let diagnostics = withWorkingDirectory(fixture.url.deletingLastPathComponent()) {
            fixture.loadDiagnostics()
        }
        XCTAssertEqual(
            diagnostics,
            [
                "unknown-area-no-near-miss/events/2025/kickoff-meeting/meta.yaml:2:7: error: unknown area 'delta'"
            ])
        let inside = withWorkingDirectory(fixture.url) { fixture.loadDiagnostics() }
        XCTAssertEqual(inside, ["events/2025/kickoff-meeting/meta.yaml:2:7: error: unknown area 'delta'"])
    }

    func testMissingContentFolder() {
        let missing = Fixtures.root.appendingPathComponent("invalid/no-such-case")
        switch ContentLoader.load(contentDirectory: missing) {
        case .success: XCTFail("a missing content folder must fail")
        case .failure(let failure):
            XCTAssertEqual(
                failure.diagnostics.map(\.description),
                ["\(DisplayPath.of(missing)): error: content folder not found"])
        }
    }

    // MARK: - YAML syntax

    /// The line is counted from the top of the .md file, not from the start of the YAML; an
    /// unclosed quote is shown at its opening quote, not where libyaml gave up.
    func testYAMLSyntaxErrorInFrontMatter() {
        assertDiagnostics("frontmatter-yaml-syntax") { f in
            [
                "\(f.path("areas/alpha/en.md")):3:8: error: YAML syntax error: "
                    + "the quoted text opened here is never closed"
            ]
        }
    }

    func testYAMLSyntaxErrorInMeta() {
        assertDiagnostics("meta-yaml-syntax") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:13: error: YAML syntax error: "
                    + "the list opened here with '[' is not closed: expected ',' or ']'"
            ]
        }
    }

    func testTabIndentationInMeta() {
        assertDiagnostics("tab-indentation") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):3:1: error: YAML indentation uses a tab; "
                    + "indent with spaces"
            ]
        }
    }

    func testTabIndentationInFrontMatter() {
        assertDiagnostics("tab-indentation-front-matter") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/en.md")):4:1: error: YAML indentation uses a tab; "
                    + "indent with spaces"
            ]
        }
    }

    /// Reported at the repeated key (line 3), not at the first, correct one (line 1).
    func testDuplicateKeyInMeta() {
        assertDiagnostics("duplicate-key") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):3:1: error: duplicate key 'start' in this mapping"
            ]
        }
    }

    func testDuplicateKeyInFrontMatter() {
        assertDiagnostics("duplicate-key-front-matter") { f in
            [
                "\(f.path("areas/alpha/en.md")):4:1: error: duplicate key 'title' in this mapping"
            ]
        }
    }

    func testMetaNotAMapping() {
        assertDiagnostics("meta-not-mapping") { f in
            [
                "\(f.path("areas/alpha/meta.yaml")):1:1: error: meta.yaml must be a mapping of 'key: value' lines, "
                    + "not a single value"
            ]
        }
    }

    // MARK: - Front matter and files

    func testUnclosedFrontMatter() {
        assertDiagnostics("unclosed-front-matter") { f in
            [
                "\(f.path("areas/alpha/en.md")):1:1: error: front matter opened here is never closed: "
                    + "add a '---' line after the YAML"
            ]
        }
    }

    func testEmptyLanguageFile() {
        assertDiagnostics("empty-md") { f in
            [
                "\(f.path("areas/alpha/en.md")):1:1: error: file is empty: it needs front matter with at least a title"
            ]
        }
    }

    func testWindows1251File() {
        assertDiagnostics("not-utf8-cp1251") { f in
            [
                "\(f.path("areas/alpha/ru.md")):2:8: error: file is not valid UTF-8 (byte 0xC0); save it as UTF-8"
            ]
        }
    }

    func testLatin1File() {
        assertDiagnostics("not-utf8-latin1") { f in
            [
                "\(f.path("documents/charter/meta.yaml")):2:9: error: file is not valid UTF-8 (byte 0xFC); "
                    + "save it as UTF-8"
            ]
        }
    }

    func testLanguageFileNotInSiteYAML() {
        assertDiagnostics("language-not-in-site") { f in
            [
                "\(f.path("areas/alpha/fr.md")): error: 'fr' is not a language listed in site.yaml (en, ru, kk)"
            ]
        }
    }

    func testBadSlug() {
        assertDiagnostics("bad-slug") { f in
            [
                "\(f.path("areas/Bad_Slug")): error: 'Bad_Slug' is not a valid folder name (slug): "
                    + "use lowercase letters a-z, digits and single hyphens between them"
            ]
        }
    }

    func testItemWithoutLanguageFile() {
        assertDiagnostics("no-language-file") { f in
            [
                "\(f.path("areas/beta")): error: 'beta' has no text: add a language file such as en.md"
            ]
        }
    }

    func testDuplicateEventSlugAcrossYears() {
        assertDiagnostics("duplicate-event-slug") { f in
            [
                "\(f.path("events/2026/kickoff-meeting")): error: event slug 'kickoff-meeting' is already used by "
                    + "\(f.path("events/2025/kickoff-meeting")): event folder names must be unique"
            ]
        }
    }

    func testUnknownTopLevelFolder() {
        assertDiagnostics("unknown-top-level") { f in
            [
                "\(f.path("event")): error: unexpected 'event' in the content folder (expected: site.yaml, home, "
                    + "documents, areas, events); did you mean 'events'?"
            ]
        }
    }

    // MARK: - Keys

    /// A transposition ("titel") is the commonest typo: it must get the hint.
    func testUnknownKeyNearMiss() {
        assertDiagnostics("unknown-key-near-miss") { f in
            [
                "\(f.path("areas/alpha/en.md")):2:1: error: unknown key 'titel' in an area's front matter; "
                    + "did you mean 'title'?",
                "\(f.path("areas/alpha/en.md")):2:1: error: missing required key 'title' in an area's front matter"
            ]
        }
    }

    func testUnknownKeyNoNearMiss() {
        assertDiagnostics("unknown-key-no-near-miss") { f in
            [
                "\(f.path("areas/alpha/meta.yaml")):2:1: error: unknown key 'colour' in an area's meta.yaml "
                    + "(allowed: number, aliases, authentic, cover, attachments)"
            ]
        }
    }

    func testMissingTitle() {
        assertDiagnostics("missing-title") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/en.md")):2:1: error: "
                    + "missing required key 'title' in an event's front matter"
            ]
        }
    }

    func testEmptyTitle() {
        assertDiagnostics("empty-title") { f in
            [
                "\(f.path("areas/alpha/en.md")):2:7: error: 'title' is empty"
            ]
        }
    }

    func testMissingStart() {
        assertDiagnostics("missing-start") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):1:1: error: "
                    + "missing required key 'start' in an event's meta.yaml"
            ]
        }
    }

    /// An empty meta.yaml is a mapping without keys.
    func testMissingNumber() {
        assertDiagnostics("missing-number") { f in
            [
                "\(f.path("areas/beta/meta.yaml")):1:1: error: missing required key 'number' in an area's meta.yaml"
            ]
        }
    }

    func testMissingOrder() {
        assertDiagnostics("missing-order") { f in
            [
                "\(f.path("documents/charter/meta.yaml")):1:1: error: "
                    + "missing required key 'order' in a document's meta.yaml"
            ]
        }
    }

    // MARK: - Types and values

    func testNumberNotAWholeNumber() {
        assertDiagnostics("wrong-type-number") { f in
            [
                "\(f.path("areas/beta/meta.yaml")):1:9: error: 'number' must be a whole number, not 'abc'"
            ]
        }
    }

    func testOrganizersGivenAMapping() {
        assertDiagnostics("wrong-type-organizers") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:13: error: 'organizers' must be a list, "
                    + "not a mapping"
            ]
        }
    }

    func testDraftNotABoolean() {
        assertDiagnostics("draft-not-bool") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:8: error: 'draft' must be true or false, "
                    + "not 'maybe'"
            ]
        }
    }

    func testImpossibleDate() {
        assertDiagnostics("impossible-date") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):1:8: error: "
                    + "impossible date '2025-02-30' in 'start': February 2025 has 28 days"
            ]
        }
    }

    func testImpossibleTime() {
        assertDiagnostics("impossible-time") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):1:8: error: "
                    + "impossible date '2025-03-12 25:00' in 'start': there is no time 25:00 in a day"
            ]
        }
    }

    func testMalformedDate() {
        assertDiagnostics("malformed-date") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):1:8: error: "
                    + "'start' must be a date such as 2025-03-12 or 2025-03-12 10:00, not '12.03.2025'"
            ]
        }
    }

    func testEndBeforeStart() {
        assertDiagnostics("end-before-start") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:6: error: 'end' (2025-03-10) "
                    + "is before 'start' (2025-03-12)"
            ]
        }
    }

    func testEndTimedButStartNot() {
        assertDiagnostics("end-timed-mismatch") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:6: error: 'end' and 'start' must both be days, "
                    + "or both days with a time"
            ]
        }
    }

    func testUnknownTimeZone() {
        assertDiagnostics("unknown-timezone") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:11: error: unknown time zone 'Asia/Almati': "
                    + "use an IANA name such as Asia/Almaty; did you mean 'Asia/Almaty'?"
            ]
        }
    }

    func testUnknownAreaNearMiss() {
        assertDiagnostics("unknown-area") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:7: error: unknown area 'alpa'; "
                    + "did you mean 'alpha'?"
            ]
        }
    }

    func testUnknownAreaNoNearMiss() {
        assertDiagnostics("unknown-area-no-near-miss") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:7: error: unknown area 'delta'"
            ]
        }
    }

    func testUnknownOrganizer() {
        assertDiagnostics("unknown-organizer") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:20: error: unknown organizer 'nato': "
                    + "list it under 'organizations' in site.yaml"
            ]
        }
    }

    func testUnknownStatusWithHint() {
        assertDiagnostics("unknown-status") { f in
            [
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:9: error: unknown status 'canceled' (allowed: "
                    + "planned, held, postponed, cancelled); did you mean 'cancelled'?"
            ]
        }
    }

    func testDuplicateAreaNumbers() {
        assertDiagnostics("duplicate-area-numbers") { f in
            [
                "\(f.path("areas/beta/meta.yaml")):1:9: error: "
                    + "area number 1 is already used by 'alpha' (\(f.path("areas/alpha/meta.yaml")):1:9)"
            ]
        }
    }

    // MARK: - site.yaml

    func testMissingSiteYAML() {
        assertDiagnostics("missing-site-yaml") { f in
            [
                "\(f.path("site.yaml")): error: missing site.yaml: every content folder needs one"
            ]
        }
    }

    func testEmptyLanguageList() {
        assertDiagnostics("no-languages") { f in
            [
                "\(f.path("site.yaml")):2:12: error: 'languages' is empty: list at least one language"
            ]
        }
    }

    func testMissingLanguages() {
        assertDiagnostics("missing-languages") { f in
            [
                "\(f.path("site.yaml")):1:1: error: missing required key 'languages' in site.yaml"
            ]
        }
    }

    /// The column counts characters, not bytes (the line has Cyrillic text before the value).
    func testFallbackLanguageNotListed() {
        assertDiagnostics("fallback-not-listed") { f in
            [
                "\(f.path("site.yaml")):4:42: error: fallback language 'fr' is not listed in 'languages'"
            ]
        }
    }

    // MARK: - Every problem in one run

    func testEveryProblemReportedSorted() {
        assertDiagnostics("many-problems") { f in
            [
                "\(f.path("areas/beta/meta.yaml")):1:9: error: 'number' must be a whole number, not 'two'",
                "\(f.path("documents/charter/en.md")):3:11: error: YAML syntax error: "
                    + "the list opened here with '[' is not closed: expected ',' or ']'",
                "\(f.path("events/2025/kickoff-meeting/en.md")):2:1: error: "
                    + "missing required key 'title' in an event's front matter",
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):2:7: error: unknown area 'gama'",
                "\(f.path("events/2025/kickoff-meeting/meta.yaml")):3:9: error: unknown status 'done' (allowed: "
                    + "planned, held, postponed, cancelled)",
                "\(f.path("site.yaml")):8:1: error: unknown key 'color' in site.yaml (allowed: title, languages, "
                    + "baseURL, timezone, period, organizations)"
            ]
        }
    }

    // MARK: - Links (checked after loading)

    /// Runs `SiteBuilder.check` on a case that loads fine but has a problem found later.
    private func assertCheckDiagnostics(
        _ name: String, file: StaticString = #filePath, line: UInt = #line,
        _ expected: (ContentFixture) -> [String]
    ) {
        let fixture = Fixtures.invalid(name)
        guard fixture.loadSite(file: file, line: line) != nil else { return }
        switch fixture.check() {
        case .success:
            XCTFail("expected the check to fail", file: file, line: line)
        case .failure(let failure):
            XCTAssertEqual(failure.diagnostics.map(\.description), expected(fixture), file: file, line: line)
        }
    }

    func testBrokenCrossReference() {
        assertCheckDiagnostics("broken-link") { f in
            [
                "\(f.path("areas/alpha/en.md")):6:10: error: link to no item: '/areas/nope' (link to an item's folder, "
                    + "such as /documents/plan or ../../areas/cybercrime)"
            ]
        }
    }

    /// Columns count characters, as YAML positions do (fallback-not-listed, not-utf8-cp1251):
    /// `См. также [x]` puts the link at column 11, not at byte 18.
    func testBrokenCrossReferenceColumnCountsCharacters() {
        assertCheckDiagnostics("broken-link-after-cyrillic") { f in
            [
                "\(f.path("areas/alpha/ru.md")):4:11: error: link to no item: '/areas/nope' (link to an item's folder, "
                    + "such as /documents/plan or ../../areas/cybercrime)"
            ]
        }
    }
}
