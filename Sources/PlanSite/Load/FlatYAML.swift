/// Reads YAML of the shape nearly every `meta.yaml` and front matter has, without libyaml:
/// `key: value` lines at the left edge, each value a plain word or phrase, a double-quoted
/// text without escapes, or a flow list of plain words (`organizers: [cica, sco]`).
///
/// Anything else, and anything in that shape that YAML could read differently (an empty or
/// `null` value, a comment, a quote inside a plain value, a key given twice, a line break
/// other than LF, …), gives nil, and Yams reads the text. At ten thousand events libyaml and
/// the nodes Yams builds from its events were a twentieth of a clean build.
enum FlatYAML {
    struct Scalar: Equatable {
        let text: String
        let isQuoted: Bool
        /// 1-based, as Yams' marks: the first character of the value (its opening quote).
        let line: Int
        let column: Int
    }

    enum Value: Equatable {
        case scalar(Scalar)
        /// A flow list: where its `[` is, and its items.
        case list(line: Int, column: Int, items: [Scalar])
    }

    struct Entry: Equatable {
        let key: String
        /// The key is at column 1 of this line.
        let line: Int
        let value: Value
    }

    /// The entries in file order, or nil when the text is not of the shape above.
    static func parse(_ yaml: String) -> [Entry]? {
        var yaml = yaml
        return yaml.withUTF8 { parse(utf8: $0) }
    }

    private static func parse(utf8 text: UnsafeBufferPointer<UInt8>) -> [Entry]? {
        var entries: [Entry] = []
        var lineStart = 0
        var lineNumber = 0
        while lineStart < text.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < text.count && text[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
            if line.allSatisfy({ $0 == space }) { continue }
            guard let entry = parseLine(line, number: lineNumber),
                  !entries.contains(where: { $0.key == entry.key })
            else { return nil }
            entries.append(entry)
        }
        return entries.isEmpty ? nil : entries
    }

    /// `key: value`, the key at the left edge.
    private static func parseLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> Entry? {
        var index = 0
        guard let first = line.first, isLetter(first) else { return nil }
        while index < line.count && (isLetter(line[index]) || isDigit(line[index]) || line[index] == UInt8(ascii: "_") || line[index] == UInt8(ascii: "-")) {
            index += 1
        }
        let keyEnd = index
        guard index + 1 < line.count, line[index] == UInt8(ascii: ":"), line[index + 1] == space else { return nil }
        index += 1
        while index < line.count && line[index] == space { index += 1 }
        guard index < line.count else { return nil }  // an empty value: YAML's null
        let key = String(decoding: UnsafeBufferPointer(rebasing: line[..<keyEnd]), as: UTF8.self)
        // Everything before the value is ASCII, so its byte offset is its column.
        let column = index + 1
        let rest = UnsafeBufferPointer(rebasing: line[index...])
        switch rest[0] {
        case UInt8(ascii: "\""):
            guard let text = quoted(rest) else { return nil }
            return Entry(key: key, line: number, value: .scalar(Scalar(text: text, isQuoted: true, line: number, column: column)))
        case UInt8(ascii: "["):
            guard let items = flowList(rest, line: number, column: column) else { return nil }
            return Entry(key: key, line: number, value: .list(line: number, column: column, items: items))
        default:
            guard let text = plain(rest, inList: false) else { return nil }
            return Entry(key: key, line: number, value: .scalar(Scalar(text: text, isQuoted: false, line: number, column: column)))
        }
    }

    /// `"text"` then nothing but spaces: no backslash (an escape) and no control character.
    private static func quoted(_ value: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 1
        while index < value.count && value[index] != UInt8(ascii: "\"") {
            let byte = value[index]
            if byte < space || byte == 0x7F || byte == UInt8(ascii: "\\") { return nil }
            index += 1
        }
        guard index < value.count, value[(index + 1)...].allSatisfy({ $0 == space }) else { return nil }
        let inside = UnsafeBufferPointer(rebasing: value[1..<index])
        guard !hasCharacterYAMLTreatsApart(inside) else { return nil }
        return String(decoding: inside, as: UTF8.self)
    }

    /// Characters libyaml refuses (C1 controls, U+FFFE, U+FFFF), reads as line breaks (NEL,
    /// LS, PS) or as a byte order mark (U+FEFF), in UTF-8.
    private static func hasCharacterYAMLTreatsApart(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < text.count {
            switch text[index] {
            case 0xC2:
                if index + 1 < text.count, (0x80...0x9F).contains(text[index + 1]) { return true }
            case 0xE2:
                if index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 { return true }
            case 0xEF:
                if index + 2 < text.count, text[index + 1] == 0xBB, text[index + 2] == 0xBF { return true }
                if index + 2 < text.count, text[index + 1] == 0xBF, text[index + 2] == 0xBE || text[index + 2] == 0xBF { return true }
            default:
                break
            }
            index += 1
        }
        return false
    }

    /// `[word, word]` then nothing but spaces.
    private static func flowList(_ value: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> [Scalar]? {
        guard let close = value.firstIndex(of: UInt8(ascii: "]")),
              value[(close + 1)...].allSatisfy({ $0 == space })
        else { return nil }
        var items: [Scalar] = []
        var start = 1
        while start < close {
            var end = start
            while end < close && value[end] != UInt8(ascii: ",") { end += 1 }
            var itemStart = start
            while itemStart < end && value[itemStart] == space { itemStart += 1 }
            // `[]`, `[a,]` and `[a, , b]` are left to YAML.
            guard itemStart < end, let text = plain(UnsafeBufferPointer(rebasing: value[itemStart..<end]), inList: true) else { return nil }
            items.append(Scalar(text: text, isQuoted: false, line: line, column: column + itemStart))
            start = end + 1
            if end < close && start >= close { return nil }
        }
        return items.isEmpty ? nil : items
    }

    /// A plain value of letters, digits, spaces and `-_./+@()` that starts with a letter or
    /// digit; trailing spaces are not part of it. Outside a list, letters other than ASCII too
    /// (a Russian or Kazakh place name). Not `null` in any of YAML's spellings.
    private static func plain(_ value: UnsafeBufferPointer<UInt8>, inList: Bool) -> String? {
        func allowed(_ byte: UInt8) -> Bool {
            isLetter(byte) || isDigit(byte) || plainPunctuation.contains(byte) || (!inList && byte >= 0x80)
        }
        guard let first = value.first, allowed(first), !plainPunctuation.contains(first) else { return nil }
        var end = value.count
        while end > 0 && value[end - 1] == space { end -= 1 }
        let kept = UnsafeBufferPointer(rebasing: value[..<end])
        guard kept.allSatisfy({ allowed($0) || $0 == space }), !hasCharacterYAMLTreatsApart(kept) else { return nil }
        let text = String(decoding: kept, as: UTF8.self)
        return ["null", "Null", "NULL"].contains(text) ? nil : text
    }

    private static let plainPunctuation: [UInt8] = Array("-_./+@()".utf8)
    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
