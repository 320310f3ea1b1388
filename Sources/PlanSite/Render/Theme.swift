import Foundation

/// The theme read at run time from `theme/`: Mustache templates, UI strings per language,
/// and static assets (CSS) published under a content hash.
public struct Theme: Sendable {
    public static let requiredTemplates = [
        "layout", "home", "documents", "document", "areas", "area", "event",
        "calendar", "calendar-month", "area-year", "chooser", "not-found",
        "progress", "redirect"
    ]

    let library: TemplateLibrary
    let strings: [String: UIStrings]
    /// Asset files as published: fingerprinted name and bytes.
    public let assets: [(name: String, data: Data)]
    /// The published name of `assets/style.css`.
    public let stylesheet: String
    /// Each asset's published name by its name in `assets/`.
    let assetNames: [String: String]
    /// The size of `assets/preview.png`, the link-preview picture of pages without a cover.
    let previewSize: (width: Int, height: Int)?
    /// The `sizes` of pictures (`media.yaml`).
    let pictureSizes: PictureSizes

    public static func load(directory: URL, languages: [String]) -> Result<Theme, BuildFailure> {
        var log = DiagnosticLog()
        let root = directory.standardizedFileURL
        let shownRoot = DisplayPath.of(root)
        func shown(_ relative: String) -> String { shownRoot == "." ? relative : shownRoot + "/" + relative }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(
                BuildFailure(diagnostics: [.error(SourceLocation(path: shownRoot), "theme folder not found")]))
        }
        for escape in SymbolicLinks.escapes(below: root) {
            log.error(SourceLocation(path: shown(escape.relative)), SymbolicLinks.message(escape, folder: "theme"))
        }
        if log.hasErrors { return .failure(BuildFailure(diagnostics: log.sorted)) }
        let library = ThemeTemplates.load(root.appendingPathComponent("templates"), shown: shown, log: &log)
        var strings: [String: UIStrings] = [:]
        for code in languages {
            if let loaded = ThemeStrings.load(
                root.appendingPathComponent("i18n/\(code).yaml"), shown: shown("i18n/\(code).yaml"), log: &log)
            {
                strings[code] = loaded
            }
        }
        let assets = ThemeAssets.load(root.appendingPathComponent("assets"), shown: shown, log: &log)
        let pictureSizes = PictureSizes.load(
            root.appendingPathComponent(PictureSizes.file), shown: shown(PictureSizes.file), log: &log)
        let stylesheet = assets.first { $0.source == "style.css" }?.name
        if stylesheet == nil && !log.hasErrors {
            log.error(SourceLocation(path: shown("assets/style.css")), "missing stylesheet assets/style.css")
        }
        guard !log.hasErrors, let library, let stylesheet else {
            return .failure(BuildFailure(diagnostics: log.sorted))
        }
        return .success(
            Theme(
                library: library, strings: strings, assets: assets.map { ($0.name, $0.data) },
                stylesheet: stylesheet,
                assetNames: Dictionary(uniqueKeysWithValues: assets.map { ($0.source, $0.name) }),
                previewSize: assets.first { $0.source == "preview.png" }.flatMap { PNGSize.of($0.data) },
                pictureSizes: pictureSizes))
    }

    /// Renders a view with a template, as UTF-8 bytes; every template was checked to exist at
    /// load. A template error met while rendering is thrown as a `Diagnostic` at its tag.
    func render(_ view: any TemplateView, template: String) throws -> [UInt8] {
        try library.render(view, template: template)
    }

    /// The same, as text.
    func renderText(_ view: any TemplateView, template: String) throws -> String {
        String(decoding: try render(view, template: template), as: UTF8.self)
    }
}
