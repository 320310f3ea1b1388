import PlanMarkdown

/// Control characters (U+0000–U+001F but tab and line ends, U+007F, U+0080–U+009F) are
/// invisible, mean nothing in a page, and make its HTML invalid; in YAML, libyaml stops at one
/// with a message about the whole file. A content file holding one is refused at the
/// character's own line and column, so an editor can find what they cannot see.
enum ControlCharacters {
    /// The offset of the first control character in UTF-8 `bytes` (line ends made `\n`), or nil.
    static func firstOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { utf8 in
            var index = 0
            while true {
                // Every byte below 0x20, 0x7F, and 0xC2 (the lead byte of U+0080–U+00BF) stops
                // the word scan; the byte loop then tells the control characters apart.
                index = WordScan.firstIndex(in: utf8, from: index, words: { word in
                    WordScan.matchesLess(word, than: 0x20) | WordScan.matches(word, 0x7F) | WordScan.matches(word, 0xC2)
                }, where: { byte in
                    byte < 0x20 ? byte != 0x09 && byte != 0x0A && byte != 0x0D : byte == 0x7F || byte == 0xC2
                })
                guard index < utf8.count else { return nil }
                if utf8[index] != 0xC2 { return index }
                if index + 1 < utf8.count, (0x80...0x9F).contains(utf8[index + 1]) { return index }
                index += 1
            }
        }
    }

    /// The first control character of a text made by YAML's escapes, named as `name` does.
    static func first(in text: String) -> String? {
        guard let scalar = text.unicodeScalars.first(where: isControl) else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// `U+001B`: how the message names the character.
    static func name(at offset: Int, in bytes: [UInt8]) -> String {
        let value = bytes[offset] == 0xC2 ? UInt32(bytes[offset + 1]) : UInt32(bytes[offset])
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
