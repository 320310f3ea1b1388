/// Splits a `LANG.md` file into its YAML front matter and its Markdown body.
struct FrontMatter {
    /// The YAML text between the `---` lines.
    let yaml: String
    /// Lines before the YAML starts (1: the opening `---`), added to YAML marks.
    let yamlLineOffset: Int
    /// The body's text, not copied out of the file's: an event's body is often not parsed at
    /// load (`Body`), and one that is goes to cmark as bytes.
    let body: Substring
    /// Lines before the body starts, added to cmark's line numbers.
    let bodyLineOffset: Int

    static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        var text = file.text
        let scan = text.withUTF8 { scanLines($0) }
        switch scan {
        case .notOpened:
            return .failure(
                .error(
                    file.location(line: 1, column: 1),
                    "missing front matter: the file must start with a '---' line, then YAML (title: ...), then '---'"))
        case .notClosed:
            return .failure(
                .error(
                    file.location(line: 1, column: 1),
                    "front matter opened here is never closed: add a '---' line after the YAML"))
        case .closed(let yaml, let bodyStart, let bodyLineOffset):
            let utf8 = file.text.utf8
            let index = { utf8.index(utf8.startIndex, offsetBy: $0) }
            return .success(
                FrontMatter(
                    yaml: String(file.text[index(yaml.lowerBound)..<index(yaml.upperBound)]),
                    yamlLineOffset: 1,
                    body: file.text[index(bodyStart)...],
                    bodyLineOffset: bodyLineOffset))
        }
    }

    /// Where the body starts in a file's bytes and the lines before it; nil when the file has no
    /// closed front matter. For a body read again at render from a file already checked at load.
    static func body(in utf8: UnsafeBufferPointer<UInt8>) -> (start: Int, lineOffset: Int)? {
        guard case .closed(_, let start, let lineOffset) = scanLines(utf8) else { return nil }
        return (start, lineOffset)
    }

    private enum Scan {
        case notOpened, notClosed
        /// Byte offsets of the YAML text and of the body's start, and the lines before the body.
        case closed(yaml: Range<Int>, bodyStart: Int, bodyLineOffset: Int)
    }

    /// Scans lines as UTF-8 bytes up to the closing `---` only: the body, most of the file, is
    /// sliced off whole rather than split into lines and joined again.
    private static func scanLines(_ utf8: UnsafeBufferPointer<UInt8>) -> Scan {
        var lineStart = 0
        var lineCount = 0
        var yamlStart = 0
        var yamlEnd = 0
        var index = 0
        while index <= utf8.count {
            if index == utf8.count || utf8[index] == UInt8(ascii: "\n") {
                let line = UnsafeBufferPointer(rebasing: utf8[lineStart..<index])
                if lineCount == 0 {
                    guard isDelimiter(line, closing: false) else { return .notOpened }
                    yamlStart = min(index + 1, utf8.count)
                    yamlEnd = yamlStart
                } else if isDelimiter(line, closing: true) {
                    // The body starts after this line's new line; the YAML ends where the line
                    // before this one ended (no YAML: nothing between the delimiters).
                    let bodyStart = min(index + 1, utf8.count)
                    return .closed(
                        yaml: yamlStart..<max(yamlStart, yamlEnd), bodyStart: bodyStart, bodyLineOffset: lineCount + 1)
                } else {
                    yamlEnd = index
                }
                lineCount += 1
                if index == utf8.count { break }
                lineStart = index + 1
            }
            index += 1
        }
        return .notClosed
    }

    /// `---` (or `...` to close), with trailing spaces or tabs allowed.
    private static func isDelimiter(_ line: UnsafeBufferPointer<UInt8>, closing: Bool) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end == 3 else { return false }
        let mark = line[0]
        return (mark == UInt8(ascii: "-") || (closing && mark == UInt8(ascii: "."))) && line[1] == mark
            && line[2] == mark
    }
}
