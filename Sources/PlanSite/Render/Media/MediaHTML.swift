import Foundation
import PlanMarkdown
import PlanMedia

/// The HTML of published media: a picture in every width and format with its size, a figure
/// with its caption, an SVG as an image, a download with its type and size.
struct MediaHTML {
    let routes: Routes

    /// `<picture>` with a WebP source and the JPEG/PNG fallback, every width in `srcset`; the
    /// `<img>` has the size of the width nearest 960 (its shape is what the browser reserves).
    func picture(_ image: PublishedMedia.Image, alt: String, sizes: String, eager: Bool, className: String? = nil)
        -> String
    {
        let fallback = image.fallback.last { $0.width <= 960 } ?? image.fallback[0]
        var html = "<picture"
        if let className { html += " class=\"\(className)\"" }
        html += "><source type=\"image/webp\" srcset=\"\(srcset(image.modern))\" sizes=\"\(sizes)\">"
        html += "<img src=\"\(escapedURL(fallback.file))\" srcset=\"\(srcset(image.fallback))\" sizes=\"\(sizes)\""
        html += " width=\"\(fallback.width)\" height=\"\(fallback.height)\" alt=\"\(escaped(alt))\""
        html += eager ? " decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">"
        return html + "</picture>"
    }

    /// An SVG, shown as it is published.
    func drawing(file: String, size: (width: Int, height: Int)?, alt: String, eager: Bool) -> String {
        var html = "<img src=\"\(escapedURL(file))\" alt=\"\(escaped(alt))\""
        if let size { html += " width=\"\(size.width)\" height=\"\(size.height)\"" }
        return html + (eager ? ">" : " loading=\"lazy\">")
    }

    /// An image alone in its paragraph: its title is the caption.
    func figure(_ inner: String, caption: String) -> String {
        let trimmed = YAMLValue.trimmed(caption)
        guard !trimmed.isEmpty else { return "<figure>\(inner)</figure>" }
        return "<figure>\(inner)<figcaption>\(escaped(trimmed))</figcaption></figure>"
    }

    private func srcset(_ pictures: [PublishedMedia.Picture]) -> String {
        pictures.map { "\(escapedURL($0.file)) \($0.width)w" }.joined(separator: ", ")
    }

    func url(_ file: String) -> String { routes.basePath + file }

    private func escapedURL(_ file: String) -> String { HTMLEscaping.escapeURL(url(file)) }

    private func escaped(_ text: String) -> String { HTMLEscaping.escape(text) }
}
