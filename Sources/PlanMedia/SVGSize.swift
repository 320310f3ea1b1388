import Foundation

/// An SVG root's intrinsic size, for the page's `width` and `height`.
enum SVGSize {
    static func of(_ attributes: [String: String]) -> (Double?, Double?) {
        if let width = attributes["width"].flatMap(pixels), let height = attributes["height"].flatMap(pixels) {
            return (width, height)
        }
        let box = (attributes["viewBox"] ?? "")
            .split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }.compactMap { Double($0) }
        guard box.count == 4, box[2] > 0, box[3] > 0 else { return (nil, nil) }
        return (box[2], box[3])
    }

    /// `120`, `120px` or `120.5` in pixels; any other unit (`%`, `em`, `cm`) says nothing.
    private static func pixels(_ value: String) -> Double? {
        let number = value.hasSuffix("px") ? String(value.dropLast(2)) : value
        return Double(number.trimmingCharacters(in: .whitespaces)).flatMap { $0 > 0 ? $0 : nil }
    }
}
