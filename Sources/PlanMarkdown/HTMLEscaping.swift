/// Escaping for text and attribute values in HTML output.
public enum HTMLEscaping {
    /// Escapes `& < > "` (and `'`), enough for text content and double-quoted attributes.
    public static func escape(_ text: String) -> String {
        // The characters escaped are ASCII, so the work is done on UTF-8 bytes; most text has
        // none of them and is returned as it is.
        let utf8 = text.utf8
        guard needsEscaping(utf8) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether any byte is one of `& < > " '`: over the string's own bytes when it has them
    /// in one piece (the generic `contains(where:)` was not specialised, a closure call a byte).
    private static func needsEscaping(_ utf8: String.UTF8View) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in bytes where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
                return true
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(scan) { return found }
        return utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
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
