/// Escaping for text and attribute values in HTML output.
public enum HTMLEscaping {
    /// Escapes `& < > "` (and `'`), enough for text content and double-quoted attributes.
    public static func escape(_ text: String) -> String {
        // The characters escaped are ASCII, so the work is done on UTF-8 bytes; most text has
        // none of them and is returned as it is.
        guard containsEscaped(text.utf8) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether any byte is one of `& < > " '`: over the string's own bytes when it has them
    /// in one piece (the generic `contains(where:)` was not specialised, a closure call a byte).
    private static func containsEscaped(_ utf8: String.UTF8View) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: needsEscaping) }) { return found }
        return utf8.contains(where: needsEscaping)
    }

    /// Appends the text to `bytes`, escaped as `escape(_:)` does: the templates write a page
    /// into one buffer.
    public static func escape(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { escape($0, into: &bytes) }
    }

    /// Appends UTF-8 bytes to `bytes`, escaped: cmark's literals are escaped where they lie.
    public static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        var start = 0
        for index in utf8.indices where needsEscaping(utf8[index]) {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            switch utf8[index] {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(contentsOf: "&#39;".utf8)
            }
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    /// One bit per byte below 64 that is escaped: `"` `&` `'` `<` `>` (a test of one bit instead
    /// of five comparisons, on every byte of every page).
    private static let escapedBelow64: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 64 && escapedBelow64 >> byte & 1 != 0
    }

    /// Percent-encodes what may not stand in an href (as cmark's `houdini_escape_href` does),
    /// then escapes it for a double-quoted attribute.
    public static func escapeURL(_ url: String) -> String {
        var result = ""
        for byte in url.utf8 {
            if isSafeInHref(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + hex(byte)
            }
        }
        return escape(result)
    }

    private static func isSafeInHref(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.!~*'();/?:@&=+$,%#".utf8.contains(byte)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
