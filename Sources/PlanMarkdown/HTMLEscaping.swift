/// Escaping for text and attribute values in HTML output.
public enum HTMLEscaping {
    /// Escapes `& < > "` (and `'`), enough for text content and double-quoted attributes.
    public static func escape(_ text: String) -> String {
        // The characters escaped are ASCII, so the work is done on UTF-8 bytes; most text has
        // none of them and is returned as it is.
        guard containsEscaped(text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether any byte is one of `& < > " '`, found as the escaping finds them.
    private static func containsEscaped(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 {
            WordScan.firstIndex(in: $0, from: 0, words: escapedBytes, where: needsEscaping) < $0.count
        }
    }

    /// Appends the text to `bytes`, escaped as `escape(_:)` does: the templates write a page
    /// into one buffer.
    public static func escape(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { escape($0, into: &bytes) }
    }

    /// Appends UTF-8 bytes to `bytes`, escaped: cmark's literals are escaped where they lie.
    public static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        WordScan.appendReplacing(utf8, to: &bytes, words: escapedBytes, where: needsEscaping) { index, out in
            appendEntity(utf8[index], to: &out)
            return 1
        }
    }

    /// Non-zero when a word holds one of `" & ' < >`.
    @inline(__always)
    private static func escapedBytes(_ word: UInt64) -> UInt64 {
        WordScan.matches(word, 0x22) | WordScan.matches(word, 0x26) | WordScan.matches(word, 0x27)
            | WordScan.matches(word, 0x3C) | WordScan.matches(word, 0x3E)
    }

    /// The entity of one of `& < > " '`.
    private static func appendEntity(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case 0x26: bytes.append(contentsOf: "&amp;".utf8)
        case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
        case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
        case 0x22: bytes.append(contentsOf: "&quot;".utf8)
        default: bytes.append(contentsOf: "&#39;".utf8)
        }
    }

    /// One bit per byte below 64 that is escaped: `"` `&` `'` `<` `>` (a test of one bit instead
    /// of five comparisons, on every byte of every page).
    private static let escapedBelow64: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 64 && escapedBelow64 >> byte & 1 != 0
    }

    /// Percent-encodes what may not stand in an href (as cmark's `houdini_escape_href` does),
    /// then escapes it for a double-quoted attribute. On bytes, in one pass: every link of every
    /// body goes through here.
    public static func escapeURL(_ url: String) -> String {
        var contiguous = url
        return contiguous.withUTF8 { utf8 in
            // Most addresses need neither: returned as they are.
            if utf8.allSatisfy({ isSafeInHref($0) && !needsEscaping($0) }) { return url }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 16)
            for byte in utf8 {
                if !isSafeInHref(byte) {
                    bytes.append(UInt8(ascii: "%"))
                    bytes.append(hexDigits[Int(byte >> 4)])
                    bytes.append(hexDigits[Int(byte & 0x0F)])
                } else if needsEscaping(byte) {
                    appendEntity(byte, to: &bytes)
                } else {
                    bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Letters, digits and `-_.!~*'();/?:@&=+$,%#`: one bit per ASCII byte.
    private static let safeInHrefBelow64: UInt64 = {
        var mask: UInt64 = 0
        for byte in "0123456789-_.!*'();/?:@&=+$,%#".utf8 where byte < 64 { mask |= 1 << UInt64(byte) }
        return mask
    }()
    private static let safeInHrefFrom64: UInt64 = {
        var mask: UInt64 = 0
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_~@".utf8 where byte >= 64 {
            mask |= 1 << UInt64(byte - 64)
        }
        return mask
    }()

    @inline(__always)
    private static func isSafeInHref(_ byte: UInt8) -> Bool {
        if byte < 64 { return safeInHrefBelow64 >> byte & 1 != 0 }
        return byte < 128 && safeInHrefFrom64 >> (byte - 64) & 1 != 0
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
