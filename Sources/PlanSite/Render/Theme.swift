import Foundation
import Mustache

/// The theme read at run time from `theme/`: Mustache templates, UI strings per language,
/// and static assets (CSS) published under a content hash.
public struct Theme: Sendable {
    public static let requiredTemplates = ["layout", "home", "documents", "document", "areas", "area", "event", "calendar", "calendar-month", "area-year", "chooser", "not-found"]

    let library: MustacheLibrary
    let strings: [String: UIStrings]
    /// Asset files as published: fingerprinted name and bytes.
    public let assets: [(name: String, data: Data)]
    /// The published name of `assets/style.css`.
    public let stylesheet: String

    public static func load(directory: URL, languages: [String]) -> Result<Theme, BuildFailure> {
        var log = DiagnosticLog()
        let root = directory.standardizedFileURL
        let shownRoot = DisplayPath.of(root)
        func shown(_ relative: String) -> String { shownRoot == "." ? relative : shownRoot + "/" + relative }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(BuildFailure(diagnostics: [.error(SourceLocation(path: shownRoot), "theme folder not found")]))
        }
        for escape in SymbolicLinks.escapes(below: root) {
            log.error(SourceLocation(path: shown(escape.relative)), SymbolicLinks.message(escape, folder: "theme"))
        }
        if log.hasErrors { return .failure(BuildFailure(diagnostics: log.sorted)) }
        // Before any template is parsed: the CONTENT_TYPE pragma is resolved at parse time.
        FastHTMLEscaping.register()
        let library = ThemeTemplates.load(root.appendingPathComponent("templates"), shown: shown, log: &log)
        var strings: [String: UIStrings] = [:]
        for code in languages {
            if let loaded = ThemeStrings.load(root.appendingPathComponent("i18n/\(code).yaml"), shown: shown("i18n/\(code).yaml"), log: &log) {
                strings[code] = loaded
            }
        }
        let assets = ThemeAssets.load(root.appendingPathComponent("assets"), shown: shown, log: &log)
        let stylesheet = assets.first { $0.source == "style.css" }?.name
        if stylesheet == nil && !log.hasErrors {
            log.error(SourceLocation(path: shown("assets/style.css")), "missing stylesheet assets/style.css")
        }
        guard !log.hasErrors, let library, let stylesheet else { return .failure(BuildFailure(diagnostics: log.sorted)) }
        return .success(Theme(library: library, strings: strings, assets: assets.map { ($0.name, $0.data) }, stylesheet: stylesheet))
    }

    /// Renders a view with a template; every template was checked to exist at load.
    func render(_ view: Any, template: String) -> String {
        // The page's view goes in a class, like the views it holds (see `ViewReference`).
        let root: Any = (view as? MustacheParent).map { ViewReference($0) } ?? view
        return library.render(root, withTemplate: template) ?? ""
    }
}
