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
                index = WordScan.firstIndex(
                    in: utf8, from: index,
                    words: { word in
                        WordScan.matchesLess(word, than: 0x20) | WordScan.matches(word, 0x7F)
                            | WordScan.matches(word, 0xC2)
                    },
                    where: { byte in
                        byte < 0x20 ? byte != 0x09 && byte != 0x0A && byte != 0x0D : byte == 0x7F || byte == 0xC2
                    })
                guard index < utf8.count else { return nil }
                if utf8[index] != 0xC2 { return index }
                if index + 1 < utf8.count, (0x80...0x9F).contains(utf8[index + 1]) { return index }
                index += 1
            }
        }
    }

    /// The first numeric character reference in a Markdown body that cmark would turn into a
    /// control character (`&#27;`, `&#x1B;`): its line and column in the body (from 1), how it is
    /// written, and the character's name. It is looked for in the source, where its place is
    /// known, code spans included, where it would show as written: a reference to an invisible
    /// character has no use there either.
    static func firstReference(in body: Substring) -> (line: Int, column: Int, written: String, name: String)? {
        var body = body
        // In place, eight bytes at a time: every language file's body is looked through.
        return body.withUTF8 { firstReference(in: $0) }
    }

    private static func firstReference(in utf8: UnsafeBufferPointer<UInt8>)
        -> (line: Int, column: Int, written: String, name: String)?
    {
        var index = 0
        while true {
            let ampersand = WordScan.firstIndex(
                in: utf8, from: index,
                words: { WordScan.matches($0, UInt8(ascii: "&")) },
                where: { $0 == UInt8(ascii: "&") })
            guard ampersand < utf8.count else { return nil }
            index = ampersand + 1
            guard index < utf8.count, utf8[index] == UInt8(ascii: "#") else { continue }
            var cursor = index + 1
            let hex = cursor < utf8.count && (utf8[cursor] | 0x20) == UInt8(ascii: "x")
            if hex { cursor += 1 }
            var value: UInt32 = 0, digits = 0
            while cursor < utf8.count, digits < 8, let digit = Self.digit(utf8[cursor], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                cursor += 1
            }
            // CommonMark: 1-7 decimal or 1-6 hex digits, then ';'. U+0000 becomes U+FFFD.
            guard digits > 0, digits <= (hex ? 6 : 7), cursor < utf8.count, utf8[cursor] == UInt8(ascii: ";"),
                value != 0, let scalar = Unicode.Scalar(value), isControl(scalar)
            else { continue }
            let lineStart = utf8[..<ampersand].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let line = utf8[..<ampersand].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let column = String(decoding: utf8[lineStart..<ampersand], as: UTF8.self).count + 1
            let written = String(decoding: utf8[ampersand...cursor], as: UTF8.self)
            return (line, column, written, first(in: String(Character(scalar)))!)
        }
    }

    private static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
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
