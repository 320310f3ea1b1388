import Foundation

/// One event run through loading, checking and rendering, in memory: the entry point of the
/// fuzz target (`Fuzz/`, issue 5). A base site and the theme are loaded once; each input is
/// the event's `meta.yaml` and `en.md`, separated by a line `%%%` (without it, the input is
/// the `en.md` and the meta is a fixed valid one). Problems come back as diagnostics; anything
/// else (a crash, a hang, a sanitizer report) is a bug.
public struct ItemProbe: Sendable {
    static let separator = Array("\n%%%\n".utf8)
    static let defaultMeta =
        "start: 2025-03-12 10:00\nend: 2025-03-13 12:00\narea: alpha\nstatus: held\norganizers: [cica]\n"

    let site: Site
    let theme: Theme

    public init(content: URL, theme: URL) throws {
        site = try ContentLoader.load(contentDirectory: content).get()
        self.theme = try Theme.load(directory: theme, languages: site.config.languages.map(\.code)).get()
    }

    /// The diagnostics for this input, and the number of pages rendered when it is valid.
    public func run(_ input: [UInt8]) -> (diagnostics: [Diagnostic], pages: Int) {
        var log = DiagnosticLog()
        let (metaBytes, textBytes) = split(input)
        guard let metaFile = decode(metaBytes, "fuzz/meta.yaml", log: &log),
            let textFile = decode(textBytes, "fuzz/en.md", log: &log)
        else { return (log.sorted, 0) }
        var meta: YAMLMapping?
        if let yaml = YAMLValue.parse(metaFile.text, file: metaFile, lineOffset: 0, log: &log) {
            meta = yaml.mapping("meta.yaml", log: &log)
        }
        let text = ItemFolder.parseLanguageFile(textFile, code: "en", folder: "events/fuzz", path: nil, log: &log)
        guard let meta, let text else { return (log.sorted, 0) }
        let folder = ItemFolder(
            relative: "events/fuzz", slug: "fuzz", meta: meta, metaFile: metaFile,
            languageFiles: [text], fileNames: ["en.md", "meta.yaml"])
        guard let event = ItemLoaders.event(folder, config: site.config, areaSlugs: site.areas.map(\.slug), log: &log),
            !log.hasErrors
        else { return (log.sorted, 0) }

        var site = self.site
        site.events.append(event)
        site.events.sort { ($0.start, $0.slug) < ($1.start, $1.slug) }
        let context = RenderContext(site: site, theme: theme, today: CalendarDate(year: 2025, month: 1, day: 1))
        LinkCheck.run(site, resolver: context.links, excludedDrafts: [], log: &log)
        guard !log.hasErrors else { return (log.sorted, 0) }
        // The event's own pages: the rest of the site shows only its title, summary and dates,
        // which these pages show too. Planning every page still runs the calendar index.
        let pages = context.plan(index: CalendarIndex(events: site.events, period: site.config.period))
            .filter { $0.file.contains("/events/fuzz/") }
        for page in pages {
            switch page.content {
            case .page(let template, let view):
                // The body is held in memory (it has no file), so nothing here can throw.
                let html = (try? view(context)).flatMap { try? theme.renderText($0, template: template) } ?? ""
                precondition(!html.isEmpty, "template '\(template)' rendered nothing for \(page.file)")
            case .file(let render):
                let text = (try? render(context)) ?? ""
                precondition(!text.isEmpty, "nothing was rendered for \(page.file)")
            case .encoded(let render):
                let bytes = (try? render(context)) ?? []
                precondition(!bytes.isEmpty, "nothing was rendered for \(page.file)")
            }
        }
        return (log.sorted, pages.count)
    }

    private func split(_ input: [UInt8]) -> ([UInt8], [UInt8]) {
        let separator = Self.separator
        if input.count >= separator.count {
            for start in 0...(input.count - separator.count)
            where input[start..<start + separator.count].elementsEqual(separator) {
                return (Array(input[..<start]) + [10], Array(input[(start + separator.count)...]))
            }
        }
        return (Array(Self.defaultMeta.utf8), input)
    }

    private func decode(_ bytes: [UInt8], _ path: String, log: inout DiagnosticLog) -> SourceFile? {
        switch SourceFile.decode(Data(bytes), displayPath: path) {
        case .success(let file): return file
        case .failure(let diagnostic):
            log.add(diagnostic)
            return nil
        }
    }
}
