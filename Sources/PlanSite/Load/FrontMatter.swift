/// Splits a `LANG.md` file into its YAML front matter and its Markdown body.
struct FrontMatter {
    /// The YAML text between the `---` lines.
    let yaml: String
    /// Lines before the YAML starts (1: the opening `---`), added to YAML marks.
    let yamlLineOffset: Int
    let body: String
    /// Lines before the body starts, added to cmark's line numbers.
    let bodyLineOffset: Int

    static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(.error(file.location(line: 1, column: 1),
                                   "missing front matter: the file must start with a '---' line, then YAML (title: ...), then '---'"))
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" || $0.trimmingTrailingSpaces == "..." }) else {
            return .failure(.error(file.location(line: 1, column: 1),
                                   "front matter opened here is never closed: add a '---' line after the YAML"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: close + 1))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
