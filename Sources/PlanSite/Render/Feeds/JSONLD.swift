/// A JSON value with keys in the order they were given (schema.org readers show `@context` and
/// `@type` first; a fixed order keeps builds byte-identical).
indirect enum JSONLD {
    case string(String)
    case object([(String, JSONLD)])
    case array([JSONLD])

    /// JSON safe to place inside `<script type="application/ld+json">`: `<`, `>` and `&` are
    /// written as `\u003c`, `\u003e`, `\u0026`, so no value can close the element or open a comment.
    var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Written into one string: joining each member's own string made a string per value,
    /// for every event page in every language.
    private func write(to out: inout String) {
        switch self {
        case .string(let value): Self.appendQuoted(value, to: &out)
        case .array(let items):
            out += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (offset, (key, value)) in members.enumerated() {
                if offset > 0 { out += "," }
                Self.appendQuoted(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    private static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        if needsEscaping(value) {
            appendEscaped(value, to: &out)
        } else {
            out += value
        }
        out += "\""
    }

    /// Whether any byte may need escaping: controls, `"`, `\\`, `<`, `>`, `&`, or 0xE2, which
    /// starts U+2028 and U+2029 (and other characters, which the exact pass leaves as they are).
    private static func needsEscaping(_ value: String) -> Bool {
        func special(_ byte: UInt8) -> Bool {
            byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
        }
        return value.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? value.utf8.contains(where: special)
    }

    private static func appendEscaped(_ value: String, to out: inout String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
