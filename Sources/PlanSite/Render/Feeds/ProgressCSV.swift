/// `LANG/progress.csv` (issue 21): the progress table for the Secretariats' own reports, one
/// row per area and year (the milestones' rows last, with no area and no number), in UTF-8
/// with a header row and CRLF line ends (RFC 4180). Counts and years are plain digits, for
/// spreadsheets; only the titles are in the file's language.
extension RenderContext {
    static let progressCSVColumns = [
        "area", "number", "title", "year",
        "held", "planned", "postponed", "cancelled", "total"
    ]

    func progressCSV(_ language: String) -> String {
        var lines = [Self.progressCSVColumns.joined(separator: ",")]
        for row in progress.rows {
            let title =
                row.area.map { config.choose($0.texts, for: language)!.text.title }
                ?? strings(language).progressMilestones
            for (column, year) in progress.years.enumerated() {
                let counts = row.perYear[column]
                let area = [row.area?.slug ?? "", row.area.map { String($0.number) } ?? ""]
                let fields =
                    area + [Self.inert(title), String(year)]
                    + ProgressTally.statuses.map { String(counts[$0]) } + [String(counts.total)]
                lines.append(fields.map(Self.csvField).joined(separator: ","))
            }
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// A text a spreadsheet would read as a formula (`=HYPERLINK(…)`, `+1`, `@SUM`), made plain
    /// text by a leading apostrophe (OWASP, "CSV Injection"); any other text as it is.
    static func inert(_ text: String) -> String {
        let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// A field quoted when it holds a comma, a quote or a line break, its quotes doubled.
    static func csvField(_ text: String) -> String {
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let special: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]
        guard text.unicodeScalars.contains(where: special.contains) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
