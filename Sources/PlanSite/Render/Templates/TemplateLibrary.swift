/// The theme's templates, parsed and linked once when a build starts: every partial and parent
/// tag points at its template by index, so rendering never looks a name up, and a tag naming a
/// template that does not exist is an error at load rather than nothing in the pages.
struct TemplateLibrary: Sendable {
    struct Template: Sendable {
        let name: String
        /// As shown in messages (`theme/templates/home.mustache`).
        let path: String
        let nodes: [TemplateNode]
    }

    /// A template's text, before it is parsed.
    struct Source {
        let name: String
        let path: String
        let text: String
    }

    let templates: [Template]
    private let indexes: [String: Int]

    /// Parses and links every template; the library is nil when any has a problem, each
    /// reported with its template, line and column. A tag naming one of the `unreadable`
    /// templates (reported already) is not reported again.
    static func compile(_ sources: [Source], unreadable: Set<String> = []) -> (
        library: TemplateLibrary?, problems: [Diagnostic]
    ) {
        var problems: [Diagnostic] = []
        var parsed: [[TemplateNode]?] = []
        for (index, source) in sources.enumerated() {
            let bytes = Array(source.text.utf8)
            do {
                parsed.append(try TemplateParser.parse(bytes, template: index))
            } catch {
                let (line, column) = TemplateParser.lineAndColumn(of: error.offset, in: bytes)
                problems.append(
                    .error(
                        SourceLocation(path: source.path, line: line, column: column),
                        "template syntax error: \(error.message)"))
                parsed.append(nil)
            }
        }
        var indexes: [String: Int] = [:]
        for (index, source) in sources.enumerated() { indexes[source.name] = index }
        var templates: [Template] = []
        for (index, source) in sources.enumerated() {
            guard let nodes = parsed[index] else { continue }
            let linked = link(nodes, indexes: indexes) { partial in
                guard !unreadable.contains(partial.name) else { return }
                problems.append(
                    .error(
                        SourceLocation(path: source.path, line: partial.at.line, column: partial.at.column),
                        "template '\(source.name)' uses the partial '\(partial.name)', which does not exist"))
            }
            templates.append(Template(name: source.name, path: source.path, nodes: linked))
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (TemplateLibrary(templates: templates, indexes: indexes), [])
    }

    /// The nodes with each partial's index set; `missing` is told of each that names no template.
    private static func link(_ nodes: [TemplateNode], indexes: [String: Int], missing: (TemplatePartial) -> Void)
        -> [TemplateNode]
    {
        nodes.map { node in
            switch node {
            case .text, .variable, .contentType:
                return node
            case .section(let name, let inverted, let body, let at):
                return .section(name, inverted: inverted, body: link(body, indexes: indexes, missing: missing), at: at)
            case .block(let name, let defaultBody, let indentation, let at):
                return .block(
                    name, defaultBody: link(defaultBody, indexes: indexes, missing: missing), indentation: indentation,
                    at: at)
            case .partial(var partial):
                if let index = indexes[partial.name] { partial.index = index } else { missing(partial) }
                let overrides = partial.overrides?.mapValues { link($0, indexes: indexes, missing: missing) }
                return .partial(
                    TemplatePartial(
                        name: partial.name, index: partial.index, indentation: partial.indentation,
                        overrides: overrides, at: partial.at))
            }
        }
    }

    func index(of name: String) -> Int? { indexes[name] }

    /// The template rendered with the view, as UTF-8 bytes. A template error met while rendering
    /// (a list or a view printed as text, partials nested without end) is thrown as a
    /// `Diagnostic` at the tag.
    func render(_ view: any TemplateView, template name: String) throws -> [UInt8] {
        guard let index = indexes[name] else {
            throw Diagnostic.error(SourceLocation(path: "templates/\(name).mustache"), "missing template '\(name)'")
        }
        var renderer = TemplateRenderer(library: self, root: view)
        try renderer.render(templates[index].nodes)
        return renderer.output
    }
}
