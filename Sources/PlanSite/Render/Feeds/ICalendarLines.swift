/// Content lines of an iCalendar object (RFC 5545 §3.1): escaped, folded at 75 octets
/// without splitting a UTF-8 sequence, ended by CRLF.
public struct ICalendarLines {
    private var lines: [String] = []

    public init() {}

    /// Adds `NAME;PARAM=value:VALUE`. `value` is written as given: escape TEXT values with `text(_:)`.
    public mutating func add(_ name: String, _ value: String, parameters: [(String, String)] = []) {
        var line = name
        for (key, parameter) in parameters { line += ";\(key)=\(Self.parameterValue(parameter))" }
        lines.append(line + ":" + value)
    }

    public mutating func begin(_ component: String) { add("BEGIN", component) }
    public mutating func end(_ component: String) { add("END", component) }

    /// The whole object, each line folded and ended by CRLF.
    public var serialized: String {
        var out = ""
        for line in lines {
            out += Self.fold(line)
            out += "\r\n"
        }
        return out
    }

    /// A TEXT value (§3.3.11): backslash, semicolon, comma and newline escaped; other control
    /// characters, which TEXT may not hold, dropped.
    public static func text(_ value: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A parameter value: quoted when it holds `:`, `;` or `,`; `"` and controls cannot appear.
    static func parameterValue(_ value: String) -> String {
        let cleaned = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F }))
        return cleaned.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(cleaned)\"" : cleaned
    }

    /// Splits a line into pieces of at most 75 octets (the first) and 74 plus the leading space
    /// (the others), at Unicode scalar boundaries, joined by CRLF and a space (§3.1).
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var octets = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > limit {
                out += "\r\n "
                octets = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }
}
