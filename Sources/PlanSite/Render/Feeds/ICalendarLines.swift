import PlanMarkdown

/// Content lines of an iCalendar object (RFC 5545 §3.1): escaped, folded at 75 octets
/// without splitting a UTF-8 sequence, ended by CRLF. Built as UTF-8 bytes: a calendar of
/// thousands of events is megabytes of text, and byte work is many times cheaper than
/// appending Unicode scalars to a String.
public struct ICalendarLines {
    private var bytes: [UInt8] = []

    public init() {}

    /// Adds `NAME;PARAM=value:VALUE`. `value` is written as given: a TEXT value goes through
    /// `addText`, which escapes it.
    public mutating func add(_ name: String, _ value: String, parameters: [(String, String)] = []) {
        let start = beginLine(name, parameters: parameters)
        bytes.append(contentsOf: value.utf8)
        endLine(from: start)
    }

    /// Adds a property whose value is TEXT (§3.3.11), escaped as `text(_:)` does, straight into
    /// the line.
    public mutating func addText(_ name: String, _ value: String, parameters: [(String, String)] = []) {
        var value = value
        value.withUTF8 { addText(name, utf8: $0, parameters: parameters) }
    }

    /// `addText` for a value already in UTF-8 bytes (a body's plain text).
    public mutating func addText(
        _ name: String, utf8 value: UnsafeBufferPointer<UInt8>, parameters: [(String, String)] = []
    ) {
        let start = beginLine(name, parameters: parameters)
        Self.escapeText(value, into: &bytes)
        endLine(from: start)
    }

    /// Writes `NAME;PARAM=value:` at the end; returns where the line starts.
    private mutating func beginLine(_ name: String, parameters: [(String, String)]) -> Int {
        let start = bytes.count
        bytes.append(contentsOf: name.utf8)
        for (key, parameter) in parameters {
            bytes.append(UInt8(ascii: ";"))
            bytes.append(contentsOf: key.utf8)
            bytes.append(UInt8(ascii: "="))
            bytes.append(contentsOf: Self.parameterValue(parameter).utf8)
        }
        bytes.append(UInt8(ascii: ":"))
        return start
    }

    /// Folds the line that starts at `start` if it is longer than 75 octets, and ends it.
    private mutating func endLine(from start: Int) {
        Self.fold(&bytes, from: start)
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
        var value = value
        return value.withUTF8 { utf8 in
            var out: [UInt8] = []
            escapeText(utf8, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends the TEXT escaping of `utf8` to `out`: runs of bytes that need nothing are copied
    /// whole (a body's plain text is mostly such runs).
    private static func escapeText(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + utf8.count + utf8.count / 16 + 8)
        WordScan.appendReplacing(utf8, to: &out, words: textEscapedBytes, where: needsTextEscaping) { index, out in
            let byte = utf8[index]
            switch byte {
            case 0x5C, 0x3B, 0x2C:  // \ ; ,
                out.append(0x5C)
                out.append(byte)
            case 0x0A:  // \n, once for CRLF
                if index == 0 || utf8[index - 1] != 0x0D {
                    out.append(0x5C)
                    out.append(0x6E)
                }
            case 0x0D:
                out.append(0x5C)
                out.append(0x6E)
            case 0x09:
                out.append(byte)
            default:
                break  // another control character: dropped
            }
            return 1
        }
    }

    /// Non-zero when a word holds a control, `,`, `;`, a backslash or DEL.
    @inline(__always)
    private static func textEscapedBytes(_ word: UInt64) -> UInt64 {
        WordScan.matchesLess(word, than: 0x20) | WordScan.matches(word, 0x2C) | WordScan.matches(word, 0x3B)
            | WordScan.matches(word, 0x5C) | WordScan.matches(word, 0x7F)
    }

    /// Controls, `,` and `;` (below 64), backslash and DEL (64 to 127): one bit each.
    private static let textEscapedBelow64: UInt64 = 0xFFFF_FFFF | 1 << 0x2C | 1 << 0x3B
    private static let textEscapedFrom64: UInt64 = 1 << (0x5C - 64) | 1 << (0x7F - 64)

    @inline(__always)
    private static func needsTextEscaping(_ byte: UInt8) -> Bool {
        if byte < 64 { return textEscapedBelow64 >> byte & 1 != 0 }
        return byte < 128 && textEscapedFrom64 >> (byte - 64) & 1 != 0
    }

    /// A parameter value: quoted when it holds `:`, `;` or `,`; `"` and controls cannot appear.
    static func parameterValue(_ value: String) -> String {
        // Usually a language code or a zone name, which need nothing: checked byte by byte
        // (every byte concerned is ASCII) before any scalar is filtered.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != 0x22 && $0 != 0x3A && $0 != 0x3B && $0 != 0x2C }) {
            return value
        }
        let cleaned = String(
            String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F })
        )
        return cleaned.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(cleaned)\"" : cleaned
    }

    /// Splits a line into pieces of at most 75 octets (the first) and 74 plus the leading space
    /// (the others), never inside a UTF-8 sequence, joined by CRLF and a space (§3.1).
    public static func fold(_ line: String) -> String {
        var bytes = Array(line.utf8)
        fold(&bytes, from: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Folds the line from `start` to the end of `bytes` where it is: cuts before the 76th
    /// octet of the first piece and the 75th of the others (counting the leading space),
    /// stepping back over continuation bytes (10xxxxxx) so a character stays whole. The pieces
    /// are moved back from the last, each byte once (a description is kilobytes long).
    private static func fold(_ bytes: inout [UInt8], from start: Int) {
        guard bytes.count - start > 75 else { return }
        var cuts: [Int] = []
        var pieceStart = start
        var limit = 75
        while bytes.count - pieceStart > limit {
            var cut = pieceStart + limit
            while cut > pieceStart && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            cuts.append(cut)
            pieceStart = cut
            limit = 74
        }
        let oldCount = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 3 * cuts.count))
        bytes.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var end = oldCount
            var shift = 3 * cuts.count
            for cut in cuts.reversed() {
                (base + cut + shift).moveInitialize(from: base + cut, count: end - cut)
                shift -= 3
                base[cut + shift] = 13
                base[cut + shift + 1] = 10
                base[cut + shift + 2] = 32
                end = cut
            }
        }
    }
}
