/// Splits a `LANG.md` file into its YAML front matter and its Markdown body.
struct FrontMatter {
    /// The YAML text between the `---` lines.
    let yaml: String
    /// Lines before the YAML starts (1: the opening `---`), added to YAML marks.
    let yamlLineOffset: Int
    let body: String
    /// Lines before the body starts, added to cmark's line numbers.
    let bodyLineOffset: Int

    /// Scans lines as UTF-8 bytes up to the closing `---` only: the body, most of the file, is
    /// sliced off whole rather than split into lines and joined again.
    static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let bytes = file.text.utf8
        var lines: [Range<String.Index>] = []
        var lineStart = bytes.startIndex
        var closing: Int?
        var index = bytes.startIndex
        while index <= bytes.endIndex {
            if index == bytes.endIndex || bytes[index] == UInt8(ascii: "\n") {
                let line = lineStart..<index
                if lines.isEmpty {
                    guard isDelimiter(file.text[line], closing: false) else {
                        return .failure(.error(file.location(line: 1, column: 1),
                                               "missing front matter: the file must start with a '---' line, then YAML (title: ...), then '---'"))
                    }
                } else if isDelimiter(file.text[line], closing: true) {
                    closing = lines.count
                    lines.append(line)
                    break
                }
                lines.append(line)
                if index == bytes.endIndex { break }
                lineStart = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        guard let close = closing else {
            return .failure(.error(file.location(line: 1, column: 1),
                                   "front matter opened here is never closed: add a '---' line after the YAML"))
        }
        let yaml = lines.count > 2 ? String(file.text[lines[1].lowerBound..<lines[close - 1].upperBound]) : ""
        let closeEnd = lines[close].upperBound
        let body = closeEnd < file.text.endIndex ? String(file.text[file.text.utf8.index(after: closeEnd)...]) : ""
        return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: close + 1))
    }

    /// `---` (or `...` to close), with trailing spaces or tabs allowed.
    private static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingSpaces
        return trimmed == "---" || (closing && trimmed == "...")
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
