/// Text and attribute values for XML 1.0 files (Atom, sitemap): markup characters escaped,
/// and characters XML 1.0 cannot hold at all (most controls, lone surrogates, U+FFFE/FFFF)
/// dropped, since one of them makes a whole feed unreadable.
enum XMLText {
    static func escape(_ value: String) -> String {
        // Most text holds none of the characters concerned (all ASCII, or U+FFFE/FFFF, which
        // start with the byte EF) and is returned as it is.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF })
        else { return value }
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

    /// XML 1.0 §2.2 `Char`.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
