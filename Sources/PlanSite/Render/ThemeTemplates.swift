import Foundation

/// Reads every `templates/*.mustache` and compiles them into a `TemplateLibrary`: a syntax
/// error names its template, line and column, and a page template that is missing, or a
/// partial or parent tag naming a template that does not exist, is an error here rather than
/// nothing in the pages.
enum ThemeTemplates {
    static func load(_ folder: URL, shown: (String) -> String, log: inout DiagnosticLog) -> TemplateLibrary? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var sources: [TemplateLibrary.Source] = []
        var unreadable: Set<String> = []
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            let path = shown("templates/\(file)")
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                log.error(SourceLocation(path: path), "cannot read template")
                unreadable.insert(name)
                continue
            }
            switch SourceFile.decode(data, displayPath: path) {
            case .success(let decoded):
                sources.append(TemplateLibrary.Source(name: name, path: path, text: decoded.text))
            case .failure(let diagnostic):
                log.add(diagnostic)
                unreadable.insert(name)
            }
        }
        for name in Theme.requiredTemplates where !names.contains(name + ".mustache") {
            log.error(SourceLocation(path: shown("templates/\(name).mustache")), "missing template '\(name)'")
        }
        let (library, problems) = TemplateLibrary.compile(sources, unreadable: unreadable)
        problems.forEach { log.add($0) }
        return log.hasErrors ? nil : library
    }
}
