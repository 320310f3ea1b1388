import Foundation
import Yams

/// Loads one language's UI strings and checks its keys against `UIStrings`.
enum ThemeStrings {
    static func load(_ url: URL, shown: String, log: inout DiagnosticLog) -> UIStrings? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.error(
                SourceLocation(path: shown), "missing UI strings for this language (copy i18n/en.yaml and translate it)"
            )
            return nil
        }
        let file: SourceFile
        switch SourceFile.decode(data, displayPath: shown) {
        case .success(let decoded): file = decoded
        case .failure(let diagnostic):
            log.add(diagnostic)
            return nil
        }
        guard let yaml = YAMLValue.parse(file.text, file: file, lineOffset: 0, log: &log),
            let mapping = yaml.mapping("a UI strings file", log: &log)
        else { return nil }
        let keys = UIStrings.keys
        let fields = FieldReader(mapping, allowed: keys, what: "UI strings", log: &log)
        var values: [String: String] = [:]
        for key in keys {
            if let text = fields.required(key, log: &log)?.string(key, log: &log) { values[key] = text }
        }
        guard values.count == keys.count else { return nil }
        // Every key is checked and trimmed above, with positions for its errors; Codable then
        // fills the typed struct from those values, so the two can never disagree on a key.
        return try? JSONDecoder().decode(UIStrings.self, from: JSONEncoder().encode(values))
    }
}
