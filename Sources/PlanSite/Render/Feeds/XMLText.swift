import PlanMarkdown

/// Text and attribute values for XML 1.0 files (Atom, sitemap): markup characters escaped,
/// and characters XML 1.0 cannot hold at all (most controls, lone surrogates, U+FFFE/FFFF)
/// dropped, since one of them makes a whole feed unreadable.
enum XMLText {
    static func escape(_ value: String) -> String {
        // Most text holds none of the characters concerned (all ASCII, or U+FFFE/FFFF, which
        // start with the byte EF) and is returned as it is.
        guard mayNeedEscaping(value) else { return value }
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Whether a byte of the text is a control, `& < > " '` or EF; over the text's own bytes,
    /// eight at a time (every title and summary of every feed entry is looked through).
    private static func mayNeedEscaping(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { utf8 in
            WordScan.firstIndex(
                in: utf8, from: 0,
                words: { word in
                    WordScan.matchesLess(word, than: 0x20) | WordScan.matches(word, 0x26) | WordScan.matches(word, 0x3C)
                        | WordScan.matches(word, 0x3E) | WordScan.matches(word, 0x22) | WordScan.matches(word, 0x27)
                        | WordScan.matches(word, 0xEF)
                },
                where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }
            ) < utf8.count
        }
    }

    /// XML 1.0 §2.2 `Char`.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
