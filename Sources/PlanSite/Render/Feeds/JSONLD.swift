import PlanMarkdown

/// A JSON value with keys in the order they were given (schema.org readers show `@context` and
/// `@type` first; a fixed order keeps builds byte-identical).
indirect enum JSONLD {
    case string(String)
    case object([(String, JSONLD)])
    case array([JSONLD])

    /// JSON safe to place inside `<script type="application/ld+json">`: `<`, `>` and `&` are
    /// written as `\u003c`, `\u003e`, `\u0026`, so no value can close the element or open a comment.
    var serialized: String { String(decoding: serializedUTF8, as: UTF8.self) }

    /// `serialized` as UTF-8 bytes, for the page (every event page in every language has one).
    var serializedUTF8: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(to: &out)
        return out
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .string(let value): Self.appendQuoted(value, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (offset, (key, value)) in members.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The value in quotes, escaped on its bytes: runs that need nothing are copied whole,
    /// found eight bytes at a time.
    private static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            WordScan.appendReplacing(utf8, to: &out, words: mayNeedEscaping, where: isCandidate) { index, out in
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                    out.append(contentsOf: unicodeEscape(UInt32(byte)).utf8)
                case 0xE2
                where index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript.
                    out.append(contentsOf: unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029).utf8)
                    return 3
                default:
                    return 0  // another character that starts with 0xE2: kept
                }
                return 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Non-zero when a word holds a control, `"`, `\\`, `<`, `>`, `&`, or 0xE2, which starts
    /// U+2028 and U+2029 (and other characters, which the byte loop leaves as they are).
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> UInt64 {
        WordScan.matchesLess(word, than: 0x20) | WordScan.matches(word, 0x22) | WordScan.matches(word, 0x5C)
            | WordScan.matches(word, 0x3C) | WordScan.matches(word, 0x3E) | WordScan.matches(word, 0x26)
            | WordScan.matches(word, 0xE2)
    }

    @inline(__always)
    private static func isCandidate(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
