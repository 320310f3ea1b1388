import Foundation
import XCTest
@testable import PlanSite

/// RFC 5545's line rules: folding at 75 octets on character boundaries, TEXT escaping, and the
/// offsets written for a time zone.
final class ICalendarFormatTests: XCTestCase {
    private func physicalLines(_ folded: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(folded.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        return lines
    }

    private func unfold(_ folded: String) -> String { folded.replacingOccurrences(of: "\r\n ", with: "") }

    func testShortLinesAreLeftAlone() {
        let line = "SUMMARY:" + String(repeating: "a", count: 67)
        XCTAssertEqual(line.utf8.count, 75)
        XCTAssertEqual(ICalendarLines.fold(line), line)
    }

    func testASCIIIsCutAtExactly75Octets() {
        let line = "DESCRIPTION:" + String(repeating: "x", count: 200)
        let lines = physicalLines(ICalendarLines.fold(line))
        // 12 + 200 = 212 octets: 75, then 1 + 74, then 1 + 63.
        XCTAssertEqual(lines.map(\.count), [75, 75, 64])
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.first == 32 })
        XCTAssertEqual(unfold(ICalendarLines.fold(line)), line)
    }

    /// "SUMMARY:" is 8 octets; 33 two-octet letters make 74, and the 34th would make 76: the
    /// line breaks at 74 rather than splitting the letter.
    func testTwoOctetLettersAreNeverSplit() throws {
        let line = "SUMMARY:" + String(repeating: "Ж", count: 100)
        let folded = ICalendarLines.fold(line)
        let lines = physicalLines(folded)
        XCTAssertEqual(lines[0].count, 74)
        for bytes in lines {
            XCTAssertLessThanOrEqual(bytes.count, 75)
            XCTAssertNotNil(String(validating: bytes, as: UTF8.self), "a line splits a UTF-8 sequence")
        }
        XCTAssertEqual(unfold(folded), line)
    }

    func testThreeAndFourOctetCharactersAreNeverSplit() {
        for filler in ["…", "ә", "🇰🇿", "😀"] {
            for prefix in 0..<4 {
                let line = "LOCATION:" + String(repeating: "a", count: prefix) + String(repeating: filler, count: 60)
                let folded = ICalendarLines.fold(line)
                for bytes in physicalLines(folded) {
                    XCTAssertLessThanOrEqual(bytes.count, 75)
                    XCTAssertNotNil(String(validating: bytes, as: UTF8.self), "\(filler) split after \(prefix)")
                }
                XCTAssertEqual(unfold(folded), line)
            }
        }
    }

    func testSerializedLinesEndInCRLF() {
        var lines = ICalendarLines()
        lines.begin("VCALENDAR")
        lines.add("SUMMARY", ICalendarLines.text("Заседание"), parameters: [("LANGUAGE", "ru")])
        lines.end("VCALENDAR")
        XCTAssertEqual(
            lines.serialized,
            "BEGIN:VCALENDAR\r\nSUMMARY;LANGUAGE=ru:Заседание\r\n"
                + "END:VCALENDAR\r\n")
    }

    func testTextEscaping() {
        XCTAssertEqual(ICalendarLines.text(#"a,b;c\d"#), #"a\,b\;c\\d"#)
        XCTAssertEqual(ICalendarLines.text("one\ntwo\r\nthree\rfour"), #"one\ntwo\nthree\nfour"#)
        XCTAssertEqual(ICalendarLines.text("bell\u{07}\ttab"), "bell\ttab")
        XCTAssertEqual(ICalendarLines.text("Алматы, Казахстан"), #"Алматы\, Казахстан"#)
    }

    /// Each character TEXT escapes or drops, at every place of texts of 0 to 40 bytes: the
    /// escaping looks at eight bytes at a time, so each place in a word and across two is tried.
    func testTextEscapingFindsEveryCharacterWhereverItStands() {
        let cases: [(String, String)] = [
            (",", "\\,"), (";", "\\;"), ("\\", "\\\\"), ("\n", "\\n"), ("\u{7F}", ""), ("\u{1}", ""), ("\u{1F}", "")
        ]
        for (character, escaped) in cases {
            for length in 1...40 {
                for place in 0..<length {
                    let text =
                        String(repeating: "ж", count: place) + character
                        + String(repeating: "b", count: length - place - 1)
                    let expected =
                        String(repeating: "ж", count: place) + escaped
                        + String(repeating: "b", count: length - place - 1)
                    XCTAssertEqual(
                        ICalendarLines.text(text), expected, "\(character.debugDescription) at \(place) of \(length)")
                }
            }
        }
        XCTAssertEqual(ICalendarLines.text(String(repeating: "ж", count: 40)), String(repeating: "ж", count: 40))
    }

    func testParameterValuesAreQuotedWhenNeeded() {
        XCTAssertEqual(ICalendarLines.parameterValue("Asia/Almaty"), "Asia/Almaty")
        XCTAssertEqual(ICalendarLines.parameterValue("a:b"), "\"a:b\"")
        XCTAssertEqual(ICalendarLines.parameterValue("say \"hi\""), "say hi")
    }

    func testAllDayEndsAreTheDayAfter() {
        XCTAssertEqual(CalendarDate(year: 2024, month: 2, day: 28).next.basic, "20240229")
        XCTAssertEqual(CalendarDate(year: 2024, month: 2, day: 29).next.basic, "20240301")
        XCTAssertEqual(CalendarDate(year: 2025, month: 2, day: 28).next.basic, "20250301")
        XCTAssertEqual(CalendarDate(year: 2025, month: 12, day: 31).next.basic, "20260101")
        XCTAssertEqual(CalendarDate(year: 2025, month: 4, day: 30).next.basic, "20250501")
    }

    func testStatusMapping() {
        XCTAssertEqual(EventStatus.planned.iCalendarStatus, "CONFIRMED")
        XCTAssertEqual(EventStatus.held.iCalendarStatus, "CONFIRMED")
        XCTAssertEqual(EventStatus.postponed.iCalendarStatus, "TENTATIVE")
        XCTAssertEqual(EventStatus.cancelled.iCalendarStatus, "CANCELLED")
        XCTAssertEqual(EventStatus.held.schemaOrgStatus, "https://schema.org/EventScheduled")
        XCTAssertEqual(EventStatus.postponed.schemaOrgStatus, "https://schema.org/EventPostponed")
        XCTAssertEqual(EventStatus.cancelled.schemaOrgStatus, "https://schema.org/EventCancelled")
    }

    /// Almaty moved from UTC+6 to UTC+5 at midnight on 1 March 2024 (local time, +06 reckoning).
    func testTimeZoneObservancesFollowTheRealTransitions() {
        var lines = ICalendarLines()
        VTimeZone.add(TimeZone(identifier: "Asia/Almaty")!, years: 2024...2024, to: &lines)
        XCTAssertEqual(
            lines.serialized.components(separatedBy: "\r\n").dropLast(),
            [
                "BEGIN:VTIMEZONE", "TZID:Asia/Almaty",
                "BEGIN:STANDARD", "DTSTART:20240101T000000", "TZOFFSETFROM:+0600", "TZOFFSETTO:+0600", "END:STANDARD",
                "BEGIN:STANDARD", "DTSTART:20240301T000000", "TZOFFSETFROM:+0600", "TZOFFSETTO:+0500", "END:STANDARD",
                "END:VTIMEZONE"
            ])
        var berlin = ICalendarLines()
        VTimeZone.add(TimeZone(identifier: "Europe/Berlin")!, years: 2025...2025, to: &berlin)
        let text = berlin.serialized
        XCTAssertTrue(
            text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"))
        XCTAssertTrue(
            text.contains("BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"))
    }

    func testJSONForAScriptElementCannotCloseIt() {
        let json = JSONLD.object([("name", .string("</script><script>alert(1)</script> & <!-- \u{2028}"))]).serialized
        XCTAssertEqual(
            json,
            #"{"name":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \u003c!-- \u2028"}"#)
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        XCTAssertEqual(decoded?["name"], "</script><script>alert(1)</script> & <!-- \u{2028}")
    }

    /// Each character JSON-LD escapes, and a dash that shares its first byte with U+2028, at
    /// every place of a text: the first look goes eight bytes at a time.
    func testJSONEscapesEveryCharacterWhereverItStands() throws {
        for character in ["\"", "\\", "\n", "\r", "\t", "\u{1}", "<", ">", "&", "\u{2028}", "\u{2029}", "—"] {
            for place in 0..<20 {
                let text = String(repeating: "ж", count: place) + character + String(repeating: "b", count: 19 - place)
                let json = JSONLD.object([("t", .string(text))]).serialized
                let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
                XCTAssertEqual(decoded?["t"], text, json)
                XCTAssertFalse(json.contains { "<>&\u{2028}\u{2029}\n".contains($0) }, json)
                XCTAssertEqual(json.contains("—"), character == "—", json)
            }
        }
    }

    func testXMLDropsCharactersXMLCannotHold() {
        XCTAssertEqual(
            XMLText.escape("a & <b> \"c\" 'd'\u{01}\u{FFFE}е"), "a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;е")
    }

    /// Each character XML escapes or drops, at every place of a text of 24 bytes: the first look
    /// goes eight bytes at a time.
    func testXMLFindsEveryCharacterWhereverItStands() {
        let cases: [(String, String)] = [
            ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&apos;"),
            ("\u{01}", ""), ("\u{1F}", ""), ("\u{FFFF}", "")
        ]
        for (character, escaped) in cases {
            for place in 0..<24 {
                let text = String(repeating: "x", count: place) + character + String(repeating: "y", count: 23 - place)
                let expected =
                    String(repeating: "x", count: place) + escaped + String(repeating: "y", count: 23 - place)
                XCTAssertEqual(XMLText.escape(text), expected, "\(character.debugDescription) at \(place)")
            }
        }
    }
}
