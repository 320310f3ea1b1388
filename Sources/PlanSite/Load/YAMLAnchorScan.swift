/// Finds YAML anchors (`&name`) and aliases (`*name`) in the text, before the text reaches
/// the YAML library. Content needs neither, and an alias can make a few hundred bytes stand
/// for billions of values ("billion laughs"): Yams composes aliases as shared nodes but hashes
/// mapping keys in full, so an aliased key expands. Refusing them up front keeps loading
/// linear in the size of the file (issue 5).
///
/// The scan follows the YAML tokens that matter: quoted text, comments, block scalars, flow
/// brackets and plain text. `&` or `*` where a value starts is an anchor or alias; inside
/// plain text (`summary: see *note*`) it is not. A line that continues plain text from the
/// line above and starts with `*` is taken for an alias: the message says to quote it.
enum YAMLAnchorScan {
    /// The 1-based line and column (in characters) of the first anchor or alias, if any.
    static func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
        // Most front matter holds neither character: nothing to scan.
        guard yaml.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var state = State()
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let column = state.scan(Array(line)) { return (index + 1, column) }
        }
        return nil
    }

    private struct State {
        enum Quote { case none, single, double }
        var quote = Quote.none
        var flowDepth = 0
        /// The indentation of the line that opened a `|` or `>` block scalar, while in one.
        var blockScalarIndent: Int?

        mutating func scan(_ line: [Character]) -> Int? {
            let indentation = line.prefix { $0 == " " }.count
            if let parent = blockScalarIndent {
                if indentation == line.count || indentation > parent { return nil }
                blockScalarIndent = nil
            }
            var atValueStart = quote == .none
            var inPlain = false
            var index = 0
            func next(_ offset: Int = 1) -> Character? { index + offset < line.count ? line[index + offset] : nil }
            func isBlankOrEnd(_ c: Character?) -> Bool { c == nil || c == " " || c == "\t" }
            while index < line.count {
                let c = line[index]
                switch quote {
                case .double:
                    if c == "\\" { index += 1 } else if c == "\"" { quote = .none }
                    index += 1
                    continue
                case .single:
                    if c == "'" { if next() == "'" { index += 1 } else { quote = .none } }
                    index += 1
                    continue
                case .none:
                    break
                }
                if c == " " || c == "\t" { index += 1; continue }
                if c == "#", index == 0 || line[index - 1] == " " || line[index - 1] == "\t" { return nil }
                if inPlain {
                    if c == ":" && isBlankOrEnd(next()) {
                        inPlain = false; atValueStart = true
                    } else if flowDepth > 0 && c == "," {
                        inPlain = false; atValueStart = true
                    } else if flowDepth > 0 && (c == "]" || c == "}") {
                        inPlain = false; flowDepth -= 1
                    }
                    index += 1
                    continue
                }
                switch c {
                case "&", "*":
                    if atValueStart, let name = next(), !isBlankOrEnd(name), !",[]{}".contains(name) {
                        return index + 1
                    }
                    inPlain = true
                case "\"": quote = .double
                case "'": quote = .single
                case "!":
                    while index + 1 < line.count, !isBlankOrEnd(line[index + 1]) { index += 1 }
                case "-", "?", ":":
                    if isBlankOrEnd(next()) { atValueStart = true } else { inPlain = true }
                case "[", "{": flowDepth += 1; atValueStart = true
                case "]", "}": flowDepth = max(0, flowDepth - 1); atValueStart = false
                case ",": atValueStart = flowDepth > 0
                case "|", ">":
                    if atValueStart && flowDepth == 0 { blockScalarIndent = indentation; return nil }
                    inPlain = true
                default:
                    inPlain = true
                }
                index += 1
            }
            return nil
        }
    }
}
