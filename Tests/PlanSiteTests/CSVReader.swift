/// Reads CSV as RFC 4180 defines it: fields separated by commas, records by CRLF, a field in
/// double quotes may hold commas, line breaks and doubled quotes. Nil for text that breaks the
/// rules (a quote inside an unquoted field, an unclosed quote, a bare LF between records).
enum CSVReader {
    static func records(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\"":
                guard field.isEmpty else { return nil }
                while true {
                    guard let next = scalars.popFirst() else { return nil }
                    if next == "\"" {
                        guard scalars.first == "\"" else { break }
                        scalars.removeFirst()
                    }
                    field.unicodeScalars.append(next)
                }
                guard scalars.isEmpty || scalars.first == "," || scalars.first == "\r" else { return nil }
            case ",":
                record.append(field)
                field = ""
            case "\r":
                guard scalars.popFirst() == "\n" else { return nil }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            case "\n":
                return nil
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        guard record.isEmpty && field.isEmpty else { return nil }
        return records
    }
}
