/// Content lines of an iCalendar object (RFC 5545 §3.1): escaped, folded at 75 octets
/// without splitting a UTF-8 sequence, ended by CRLF. Built as UTF-8 bytes: a calendar of
/// thousands of events is megabytes of text, and byte work is many times cheaper than
/// appending Unicode scalars to a String.
public struct ICalendarLines {
    private var bytes: [UInt8] = []

    public init() {}

    /// Adds `NAME;PARAM=value:VALUE`. `value` is written as given: escape TEXT values with `text(_:)`.
    public mutating func add(_ name: String, _ value: String, parameters: [(String, String)] = []) {
        var line: [UInt8] = []
        line.reserveCapacity(name.utf8.count + value.utf8.count + 24)
        line.append(contentsOf: name.utf8)
        for (key, parameter) in parameters {
            line.append(UInt8(ascii: ";"))
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            line.append(contentsOf: Self.parameterValue(parameter).utf8)
        }
        line.append(UInt8(ascii: ":"))
        line.append(contentsOf: value.utf8)
        Self.appendFolded(line, to: &bytes)
        bytes.append(13)
        bytes.append(10)
    }

    public mutating func begin(_ component: String) { add("BEGIN", component) }
    public mutating func end(_ component: String) { add("END", component) }

    /// Lines already folded and ended (a VEVENT made for another file of the same build).
    public mutating func append<Lines: Collection>(encoded lines: Lines) where Lines.Element == UInt8 {
        bytes.append(contentsOf: lines)
    }

    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// The lines so far as UTF-8 bytes.
    public var encoded: [UInt8] { bytes }

    /// The whole object, each line folded and ended by CRLF.
    public var serialized: String { String(decoding: bytes, as: UTF8.self) }

    /// A TEXT value (§3.3.11): backslash, semicolon, comma and newline escaped; other control
    /// characters, which TEXT may not hold, dropped. Every byte concerned is ASCII.
    public static func text(_ value: String) -> String {
        let utf8 = value.utf8
        // On the string's own bytes when it has them in one piece: the generic loops were not
        // specialised, a closure call a byte, over every body of every calendar.
        if let escaped = utf8.withContiguousStorageIfAvailable(escapedText) { return escaped ?? value }
        return Array(utf8).withUnsafeBufferPointer(escapedText) ?? value
    }

    /// The TEXT escaping of `utf8`, or nil when nothing in it needs escaping.
    private static func escapedText(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var needed = false
        for byte in utf8 where byte < 0x20 || byte == 0x7F || byte == 0x5C || byte == 0x3B || byte == 0x2C {
            needed = true
            break
        }
        guard needed else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 16 + 8)
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x5C, 0x3B, 0x2C:  // \ ; ,
                out.append(0x5C)
                out.append(byte)
            case 0x0A:  // \n, once for CRLF
                if previous != 0x0D {
                    out.append(0x5C)
                    out.append(0x6E)
                }
            case 0x0D:
                out.append(0x5C)
                out.append(0x6E)
            case 0x09:
                out.append(byte)
            default:
                if byte >= 0x20 && byte != 0x7F { out.append(byte) }
            }
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A parameter value: quoted when it holds `:`, `;` or `,`; `"` and controls cannot appear.
    static func parameterValue(_ value: String) -> String {
        let cleaned = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F }))
        return cleaned.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(cleaned)\"" : cleaned
    }

    /// Splits a line into pieces of at most 75 octets (the first) and 74 plus the leading space
    /// (the others), never inside a UTF-8 sequence, joined by CRLF and a space (§3.1).
    public static func fold(_ line: String) -> String {
        var bytes: [UInt8] = []
        appendFolded(Array(line.utf8), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Cuts before the 76th octet of the first piece and the 75th of the others (counting the
    /// leading space), stepping back over continuation bytes (10xxxxxx) so a character stays whole.
    private static func appendFolded(_ line: [UInt8], to bytes: inout [UInt8]) {
        var start = 0
        var limit = 75
        while line.count - start > limit {
            var cut = start + limit
            while cut > start && line[cut] & 0xC0 == 0x80 { cut -= 1 }
            bytes.append(contentsOf: line[start..<cut])
            bytes.append(13)
            bytes.append(10)
            bytes.append(32)
            start = cut
            limit = 74
        }
        bytes.append(contentsOf: line[start...])
    }
}
