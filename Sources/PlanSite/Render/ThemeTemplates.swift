import Foundation
import Mustache

/// Loads every `templates/*.mustache` one by one, so a syntax error names its template and line,
/// and checks that the page templates and every partial they name exist (Mustache itself
/// prints a missing partial as nothing, silently).
enum ThemeTemplates {
    static func load(_ folder: URL, shown: (String) -> String, log: inout DiagnosticLog) -> MustacheLibrary? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            let path = shown("templates/\(file)")
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                log.error(SourceLocation(path: path), "cannot read template")
                continue
            }
            let source: SourceFile
            switch SourceFile.decode(data, displayPath: path) {
            case .success(let decoded): source = decoded
            case .failure(let diagnostic):
                log.add(diagnostic)
                continue
            }
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
                texts[name] = source.text
            } catch let error as MustacheTemplate.ParserError {
                log.error(SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                          "template syntax error: \(describe(error.error))")
            } catch {
                log.error(SourceLocation(path: path), "template syntax error: \(error)")
            }
        }
        for name in Theme.requiredTemplates where texts[name] == nil && !names.contains(name + ".mustache") {
            log.error(SourceLocation(path: shown("templates/\(name).mustache")), "missing template '\(name)'")
        }
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for (partial, line) in partialNames(in: text) where texts[partial] == nil && !names.contains(partial + ".mustache") {
                log.error(SourceLocation(path: shown("templates/\(name).mustache"), line: line, column: 1),
                          "template '\(name)' uses the partial '\(partial)', which does not exist")
            }
        }
        return log.hasErrors ? nil : library
    }

    /// `{{> name}}` and `{{< name}}` references with their lines.
    static func partialNames(in text: String) -> [(String, Int)] {
        var found: [(String, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                let tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if tag.hasPrefix(">") || tag.hasPrefix("<") {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty && !name.hasPrefix("*") { found.append((name, index + 1)) }
                }
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed"
        default: return "\(error)"
        }
    }
}
