import Foundation
import PlanMarkdown

/// One language file of an item, split and parsed but not yet typed.
struct LanguageFile {
    let code: String
    let file: SourceFile
    /// The front matter's mapping; nil when it could not be read (already reported).
    let fields: YAMLMapping?
    /// The file split: the YAML and the body's text.
    let frontMatter: FrontMatter
    /// The parsed body.
    let body: MarkdownDocument
    let folder: String
    /// Where the file is and how it was when read, so that an event's body can be read again
    /// (a path, not a URL: making a URL for each of 30,000 files was 1% of a clean build).
    let path: String?
    let stamp: FileStamp?

    /// The body held in memory (home, documents, areas).
    var heldBody: Body { Body(held: body) }

    /// The body read again from its file when rendered (events: the many).
    var rereadBody: Body {
        guard let path, let stamp else { return heldBody }
        return Body(text: .file(path: path, displayPath: file.displayPath, stamp: stamp), facts: BodyFacts(body))
    }

    func source(sourceHash: String?) -> TextSource {
        TextSource(path: file.displayPath, folder: folder, sourceHash: sourceHash)
    }
}

/// An item's folder: its `meta.yaml` and one `LANG.md` per language.
struct ItemFolder {
    let relative: String
    let slug: String
    let meta: YAMLMapping?
    let metaFile: SourceFile?
    let languageFiles: [LanguageFile]
    /// The names of the files in the folder, read or not (a language file may fail to parse).
    let fileNames: [String]

    /// Reads the folder; every problem is logged. Returns nil when the folder cannot be an item.
    static func read(
        _ tree: ContentTree, _ relative: String, config: SiteConfig, needsMeta: Bool,
        log: inout DiagnosticLog
    ) -> ItemFolder? {
        let slug = relative.split(separator: "/").last.map(String.init) ?? relative
        var valid = true
        if !Slug.isValid(slug) {
            log.error(
                SourceLocation(path: tree.display(relative)),
                "'\(slug)' is not a valid folder name (slug): use \(Slug.rule)")
            valid = false
        }
        let codes = config.languages.map(\.code)
        var meta: YAMLMapping?
        var metaFile: SourceFile?
        var languageFiles: [LanguageFile] = []
        let entries = tree.entries(relative)
        if entries.isEmpty, !tree.isReadable(relative, log: &log) { return nil }
        let names = entries.map(\.name)
        for entry in entries {
            let name = entry.name, path = relative + "/" + name
            if entry.isDirectory {
                log.error(SourceLocation(path: tree.display(path)), "unexpected folder inside the item '\(slug)'")
                continue
            }
            if name == "meta.yaml" {
                guard let file = tree.read(path, log: &log) else { continue }
                metaFile = file
                if let yaml = YAMLValue.parse(file.text, file: file, lineOffset: 0, log: &log) {
                    meta = yaml.mapping("meta.yaml", log: &log)
                } else if !log.hasErrors(in: file.displayPath) {
                    meta = YAMLMapping(entries: [], location: file.location(line: 1, column: 1))
                }
            } else if name.hasSuffix(".md") {
                let code = String(name.dropLast(3))
                guard codes.contains(code) else {
                    log.error(
                        SourceLocation(path: tree.display(path)),
                        "'\(code)' is not a language listed in site.yaml "
                            + "(\(codes.joined(separator: ", ")))\(Suggestions.hint(for: code, among: codes))"
                    )
                    continue
                }
                guard let file = tree.read(path, log: &log) else { continue }
                if let parsed = parseLanguageFile(file, code: code, folder: relative, path: tree.path(path), log: &log)
                {
                    languageFiles.append(parsed)
                }
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                log.error(
                    SourceLocation(path: tree.display(path)),
                    "unexpected file '\(name)': an item's facts go in meta.yaml")
            }
        }
        if needsMeta && !names.contains("meta.yaml") {
            log.error(SourceLocation(path: tree.display(relative + "/meta.yaml")), "missing meta.yaml for '\(slug)'")
            valid = false
        }
        if !names.contains(where: { $0.hasSuffix(".md") }) {
            log.error(
                SourceLocation(path: tree.display(relative)),
                "'\(slug)' has no text: add a language file such as \(codes[0]).md")
            valid = false
        }
        guard valid else { return nil }
        return ItemFolder(
            relative: relative, slug: slug, meta: meta, metaFile: metaFile, languageFiles: languageFiles,
            fileNames: names)
    }

    static func parseLanguageFile(
        _ file: SourceFile, code: String, folder: String, path: String?,
        log: inout DiagnosticLog
    ) -> LanguageFile? {
        if file.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            log.error(file.location(line: 1, column: 1), "file is empty: it needs front matter with at least a title")
            return nil
        }
        switch FrontMatter.split(file) {
        case .failure(let diagnostic):
            log.add(diagnostic)
            return nil
        case .success(let frontMatter):
            var fields: YAMLMapping?
            if let yaml = YAMLValue.parse(
                frontMatter.yaml, file: file, lineOffset: frontMatter.yamlLineOffset, log: &log)
            {
                fields = yaml.mapping("the front matter", log: &log)
            } else if !log.hasErrors(in: file.displayPath) {
                fields = YAMLMapping(entries: [], location: file.location(line: 1, column: 1))
            }
            if let reference = ControlCharacters.firstReference(in: frontMatter.body) {
                log.error(
                    file.location(line: reference.line + frontMatter.bodyLineOffset, column: reference.column),
                    "'\(reference.written)' makes the control character \(reference.name): "
                        + "remove it (it is invisible, and invalid in a page)")
                return nil
            }
            guard let body = parseBody(frontMatter, of: file, log: &log) else { return nil }
            let withoutAlt = body.imagesWithoutAlt
            for position in withoutAlt {
                log.error(
                    file.location(line: position.line, column: position.column),
                    "image without alt text: say what it shows between the brackets, ![what it shows](file.jpg)")
            }
            guard withoutAlt.isEmpty else { return nil }
            return LanguageFile(
                code: code, file: file, fields: fields, frontMatter: frontMatter, body: body, folder: folder,
                path: path, stamp: path.flatMap { FileStamp.of(path: $0) })
        }
    }

    /// The body of a language file: nil (logged) when it nests too deep.
    static func parseBody(_ frontMatter: FrontMatter, of file: SourceFile, log: inout DiagnosticLog)
        -> MarkdownDocument?
    {
        let body = MarkdownDocument(source: frontMatter.body, lineOffset: frontMatter.bodyLineOffset)
        if let deep = body.tooDeep {
            log.add(tooDeep(in: file.displayPath, at: deep))
            return nil
        }
        return body
    }

    /// The error for a body that nests deeper than the renderer goes.
    static func tooDeep(in path: String, at position: SourcePosition) -> Diagnostic {
        .error(
            SourceLocation(path: path, line: position.line, column: position.column),
            "the text nests too deep (more than \(MarkdownParser.maximumDepth) lists, "
                + "quotes or emphases inside each other)"
        )
    }
}

extension DiagnosticLog {
    func hasErrors(in path: String) -> Bool {
        entries.contains { $0.severity == .error && $0.location.path == path }
    }
}
