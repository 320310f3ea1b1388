import Foundation

/// The `sizes` of the theme's pictures, from `theme/media.yaml`: how wide the layout shows a
/// picture, which the browser picks a width by. They belong with the stylesheet that sets those
/// widths; a theme without the file gets these, which match the theme PlanSite ships.
struct PictureSizes: Sendable, Equatable {
    /// A picture in a text, and an item's cover above it.
    var content = "(min-width: 48rem) 46rem, 100vw"
    /// A cover on an event's card in a list.
    var card = "(min-width: 48rem) 12rem, 40vw"

    static let file = "media.yaml"

    /// Reads `media.yaml` when the theme has one; every problem at its line and column.
    static func load(_ url: URL, shown: String, log: inout DiagnosticLog) -> PictureSizes {
        var sizes = PictureSizes()
        guard let data = FileManager.default.contents(atPath: url.path) else { return sizes }
        let file: SourceFile
        switch SourceFile.decode(data, displayPath: shown) {
        case .success(let decoded): file = decoded
        case .failure(let diagnostic):
            log.add(diagnostic)
            return sizes
        }
        guard let yaml = YAMLValue.parse(file.text, file: file, lineOffset: 0, log: &log),
            let mapping = yaml.mapping("the theme's media settings", log: &log)
        else { return sizes }
        let top = FieldReader(mapping, allowed: ["sizes"], what: "the theme's media settings", log: &log)
        guard let value = top.optional("sizes"), let inner = value.mapping("sizes", log: &log) else { return sizes }
        let fields = FieldReader(inner, allowed: ["content", "card"], what: "'sizes'", log: &log)
        for key in ["content", "card"] {
            guard let value = fields.optional(key), let text = value.string(key, log: &log) else { continue }
            // Written into an attribute as it is: a quote or an angle bracket would end it.
            if text.isEmpty || text.contains(where: { "\"'<>&".contains($0) }) {
                log.error(
                    value.location,
                    "'\(key)' must be a media condition list such as \"(min-width: 48rem) 46rem, 100vw\"")
            } else if key == "content" {
                sizes.content = text
            } else {
                sizes.card = text
            }
        }
        return sizes
    }
}
