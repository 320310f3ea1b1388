import Foundation
import Yams

/// A YAML node with the file it came from, so every typed read can report a problem at the
/// node's own line and column.
struct YAMLValue {
    /// Foundation's trimming makes a new string through NSString; nearly every value has
    /// nothing to trim, which two looks at its ends tell (30,000 titles and summaries a build).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
            !trimmedCharacters.contains(first), !trimmedCharacters.contains(last)
        else {
            return text.trimmingCharacters(in: trimmedCharacters)
        }
        return text
    }

    private static let trimmedCharacters = CharacterSet.whitespacesAndNewlines

    let node: Node
    let file: SourceFile
    /// Lines of the file before the YAML text (front matter starts after a `---` line).
    let lineOffset: Int
    /// Line and column in the YAML text: the node's mark.
    private let position: (line: Int, column: Int)?

    init(node: Node, file: SourceFile, lineOffset: Int) {
        self.node = node
        self.file = file
        self.lineOffset = lineOffset
        position = node.mark.map { ($0.line, $0.column) }
    }

    var location: SourceLocation {
        guard let position else { return file.location(line: lineOffset + 1, column: 1) }
        return file.location(line: position.line + lineOffset, column: position.column)
    }

    /// Only `null` is told apart by tag (an empty value); numbers, booleans and dates are read
    /// from the text by the typed readers below. Yams' default resolver runs a regular
    /// expression per rule on every scalar, a quarter of the load time of a large site.
    private static let resolver = Resolver.basic.appending(.null)

    /// Yams' `Constructor.default` builds its tables of every type anew each time it is asked
    /// for; this one is made once and only read after.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Parses YAML text; a syntax error is reported at its line and column.
    static func parse(_ yaml: String, file: SourceFile, lineOffset: Int, log: inout DiagnosticLog) -> YAMLValue? {
        if let tab = tabIndentation(in: yaml) {
            log.error(
                file.location(line: tab + lineOffset, column: 1),
                "YAML indentation uses a tab; indent with spaces")
            return nil
        }
        if let (line, column) = YAMLAnchorScan.firstAnchorOrAlias(in: yaml) {
            log.error(
                file.location(line: line + lineOffset, column: column),
                "YAML anchors and aliases (&name, *name) are not supported: "
                    + "write each value out in full (to start a text with & or *, put it in quotes)"
            )
            return nil
        }
        do {
            // The encoding is given: Yams' default reads the process environment on every parse.
            guard let node = try Yams.compose(yaml: yaml, Self.resolver, Self.constructor, .utf8) else { return nil }
            return YAMLValue(node: node, file: file, lineOffset: lineOffset)
        } catch let error as YamlError {
            log.add(diagnostic(for: error, yaml: yaml, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            log.error(file.location(line: lineOffset + 1, column: 1), "YAML could not be read: \(error)")
            return nil
        }
    }

    /// libyaml's message for a tab is obscure ("found character that cannot start any token").
    private static func tabIndentation(in yaml: String) -> Int? {
        // Most front matter has no tab at all: nothing to split into lines.
        guard yaml.utf8.contains(UInt8(ascii: "\t")) else { return nil }
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            if indentation.contains("\t") { return index + 1 }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, yaml: String, file: SourceFile, lineOffset: Int) -> Diagnostic
    {
        func at(_ mark: Mark) -> SourceLocation {
            file.location(line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            if let (message, opening) = unclosed(context: context, problem: problem) {
                return .error(at(opening), "YAML syntax error: \(message)")
            }
            if problem.hasPrefix("Maximum nesting level") {
                return .error(
                    at(mark),
                    "YAML syntax error: "
                        + "values nest too deep (lists or mappings inside each other more than a thousand levels)"
                )
            }
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .error(at(mark), "YAML syntax error: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let line = duplicates.first.flatMap { repeatedKeyLine($0, in: yaml, mapping: context.mark) }
            let location =
                line.map { file.location(line: $0 + lineOffset, column: context.mark.column) } ?? at(context.mark)
            return .error(location, "duplicate key \(keys) in this mapping")
        default:
            return .error(file.location(line: lineOffset + 1, column: 1), "YAML syntax error: \(error)")
        }
    }

    /// libyaml reports an unclosed quote or bracket where it gave up (often the end of the
    /// text); the editor needs the character that opened it, which libyaml keeps as the context.
    private static func unclosed(context: YamlError.Context?, problem: String) -> (String, Mark)? {
        guard let context else { return nil }
        switch context.text {
        case "while scanning a quoted scalar"
        where problem.contains("end of stream") || problem.contains("document indicator"):
            return ("the quoted text opened here is never closed", context.mark)
        case "while parsing a flow sequence":
            return ("the list opened here with '[' is not closed: expected ',' or ']'", context.mark)
        case "while parsing a flow mapping":
            return ("the mapping opened here with '{' is not closed: expected ',' or '}'", context.mark)
        default:
            return nil
        }
    }

    /// Yams reports a duplicate key at the start of its mapping; the editor needs the line of
    /// the repeated key. It is the second line, at the mapping's column, that starts with the key.
    private static func repeatedKeyLine(_ key: String, in yaml: String, mapping: Mark) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for index in max(0, mapping.line - 1)..<lines.count {
            let line = Array(lines[index])
            let start = index == mapping.line - 1 ? mapping.column - 1 : 0
            guard start < line.count else { continue }
            var rest = String(line[start...])
            if index != mapping.line - 1 {
                let indentation = line.prefix { $0 == " " }.count
                guard indentation == mapping.column - 1 else { continue }
                rest = String(line[indentation...])
            }
            for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) {
                let after = rest.dropFirst(form.count).drop { $0 == " " }
                if after.hasPrefix(":") {
                    seen += 1
                    if seen == 2 { return index + 1 }
                }
            }
        }
        return nil
    }

    // MARK: Typed reads

    private func child(_ node: Node) -> YAMLValue {
        YAMLValue(node: node, file: file, lineOffset: lineOffset)
    }

    /// A non-empty scalar as text (numbers and dates included, as written).
    func string(_ key: String, log: inout DiagnosticLog) -> String? {
        guard case .scalar(let scalar) = node else {
            log.error(location, "'\(key)' must be text, not a \(kindName)")
            return nil
        }
        if scalar.tag.description == Tag.Name.null.rawValue, scalar.style == .plain {
            log.error(location, "'\(key)' is empty")
            return nil
        }
        let text = YAMLValue.trimmed(scalar.string)
        if text.isEmpty {
            log.error(location, "'\(key)' is empty")
            return nil
        }
        // An escape in a quoted string (`"\e"`, `"\u0001"`) can make what the file's bytes do not hold.
        if let control = ControlCharacters.first(in: text) {
            log.error(
                location,
                "'\(key)' holds the control character \(control): "
                    + "remove it (it is invisible, and invalid in a page)")
            return nil
        }
        return text
    }

    func int(_ key: String, log: inout DiagnosticLog) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            log.error(location, "'\(key)' must be a whole number, not \(describedValue)")
            return nil
        }
        return value
    }

    func bool(_ key: String, log: inout DiagnosticLog) -> Bool? {
        guard case .scalar = node, let value = node.bool else {
            log.error(location, "'\(key)' must be true or false, not \(describedValue)")
            return nil
        }
        return value
    }

    /// A list of texts; a single text is accepted as a list of one.
    func stringList(_ key: String, log: inout DiagnosticLog) -> [(String, YAMLValue)]? {
        switch node {
        case .scalar:
            return string(key, log: &log).map { [($0, self)] }
        case .sequence(let sequence):
            var result: [(String, YAMLValue)] = []
            for value in sequence.map(child) {
                if let text = value.string(key, log: &log) { result.append((text, value)) }
            }
            return result
        default:
            log.error(location, "'\(key)' must be a list, not a \(kindName)")
            return nil
        }
    }

    func sequence(_ key: String, log: inout DiagnosticLog) -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            log.error(location, "'\(key)' must be a list, not a \(kindName)")
            return nil
        }
        return sequence.map(child)
    }

    /// The entries of a mapping, keys as text, in file order.
    func mapping(_ key: String, log: inout DiagnosticLog) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            log.error(location, "\(key) must be a mapping of 'key: value' lines, not a \(kindName)")
            return nil
        }
        var entries: [YAMLMapping.Entry] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = child(keyNode)
            guard case .scalar(let scalar) = keyNode else {
                log.error(keyValue.location, "a key must be plain text")
                continue
            }
            entries.append(.init(key: scalar.string, keyValue: keyValue, value: child(valueNode)))
        }
        return YAMLMapping(entries: entries, location: location)
    }

    var kindName: String {
        switch node {
        case .scalar: return "single value"
        case .sequence: return "list"
        case .mapping: return "mapping"
        case .alias: return "alias"
        }
    }

    var describedValue: String {
        if case .scalar(let scalar) = node { return "'\(scalar.string)'" }
        return "a \(kindName)"
    }
}

/// A YAML mapping's entries in file order.
struct YAMLMapping {
    struct Entry {
        let key: String
        let keyValue: YAMLValue
        let value: YAMLValue
    }

    let entries: [Entry]
    let location: SourceLocation

    subscript(key: String) -> YAMLValue? {
        // By index: `first(where:)` copied each entry it passed (three values and their
        // references), a few thousand instructions for each field an event reads.
        for index in entries.indices where entries[index].key == key { return entries[index].value }
        return nil
    }
}
