import Foundation

/// Static theme files, published as `name.HASH.ext` so browsers may cache them for ever.
enum ThemeAssets {
    struct Asset {
        let source: String
        let name: String
        let data: Data
    }

    static func load(_ folder: URL, shown: (String) -> String, log: inout DiagnosticLog) -> [Asset] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                log.error(SourceLocation(path: shown("assets/\(name)")), "cannot read asset")
                return nil
            }
            return Asset(source: name, name: fingerprinted(name, data), data: data)
        }
    }

    static func fingerprinted(_ name: String, _ data: Data) -> String {
        let hash = WordHash.hex(data).prefix(12)
        guard let dot = name.lastIndex(of: ".") else { return "\(name).\(hash)" }
        return "\(name[..<dot]).\(hash)\(name[dot...])"
    }
}
