import XCTest
@testable import PlanMarkdown

/// Link addresses are percent-encoded as cmark's `houdini_escape_href` does, then escaped
/// for a double-quoted attribute.
final class HTMLEscapingTests: XCTestCase {
    func testAddressesThatNeedNothingAreKept() {
        let url = "https://example.org/en/events/x-1?a=1;b=(2)~*!$,%20#top"
        XCTAssertEqual(HTMLEscaping.escapeURL(url), url)
    }

    func testUnsafeBytesArePercentEncodedAndSafeOnesEscapedForHTML() {
        XCTAssertEqual(HTMLEscaping.escapeURL("/a b"), "/a%20b")
        XCTAssertEqual(HTMLEscaping.escapeURL("?a=1&b='2'"), "?a=1&amp;b=&#39;2&#39;")
        XCTAssertEqual(HTMLEscaping.escapeURL("/é\"<>`{}|\\^[]"), "/%C3%A9%22%3C%3E%60%7B%7D%7C%5C%5E%5B%5D")
        XCTAssertEqual(HTMLEscaping.escapeURL("/\u{7F}\u{0}\t\n"), "/%7F%00%09%0A")
    }

    func testEveryASCIIByteIsSafeExactlyWhenHoudiniSaysSo() {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'();/?:@&=+$,%#".utf8)
        for byte in UInt8(0)..<128 {
            let escaped = HTMLEscaping.escapeURL(String(decoding: [byte], as: UTF8.self))
            if !safe.contains(byte) {
                XCTAssertEqual(escaped, String(format: "%%%02X", byte), "byte \(byte)")
            } else if byte == UInt8(ascii: "&") {
                XCTAssertEqual(escaped, "&amp;")
            } else if byte == UInt8(ascii: "'") {
                XCTAssertEqual(escaped, "&#39;")
            } else {
                XCTAssertEqual(escaped, String(decoding: [byte], as: UTF8.self), "byte \(byte)")
            }
        }
    }

    /// Every escaped character at every place of texts of 0 to 40 bytes: the escaping looks at
    /// eight bytes at a time, so each place in a word and across two must be tried.
    func testEveryEscapedCharacterIsFoundWhereverItStands() {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for (character, entity) in entities {
            for length in 0...40 {
                for place in 0..<max(length, 1) {
                    var text = String(repeating: "a", count: length)
                    guard place < length else { XCTAssertEqual(HTMLEscaping.escape(text), text); continue }
                    text = String(text.prefix(place)) + String(character) + String(text.dropFirst(place + 1))
                    let expected =
                        String(repeating: "a", count: place) + entity
                        + String(repeating: "a", count: length - place - 1)
                    XCTAssertEqual(HTMLEscaping.escape(text), expected, "\(character) at \(place) of \(length)")
                }
            }
        }
        // Two-byte letters around them, and several in one word.
        XCTAssertEqual(
            HTMLEscaping.escape("Жаңа <b>&\"'</b> жоба"),
            "Жаңа &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt; жоба")
    }
}
