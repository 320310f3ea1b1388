import Foundation
import PlanMarkdown
import PlanMedia

/// How many images a page has shown so far: all but the first are loaded lazily.
final class ImagesShown: @unchecked Sendable {
    var count: Int
    init(count: Int) { self.count = count }
}

extension RenderContext {
    var mediaHTML: MediaHTML { MediaHTML(routes: routes) }

    /// The file of a media source a reader of `language` gets.
    func chosenFile(_ source: MediaSource, language: String) -> (entry: MediaFileEntry, language: String?)? {
        source.file(
            for: language, fallbacks: config.language(language)?.fallback ?? [],
            chain: config.fallbackChain(for: language))
    }

    /// Where a link to a media file leads: the file itself, or a picture's largest fallback.
    func fileURL(_ source: MediaSource, language: String) -> String? {
        guard let chosen = chosenFile(source, language: language) else { return nil }
        if source.kind == .raster {
            guard let image = media.image(folder: source.folder, fileName: chosen.entry.fileName) else { return nil }
            return mediaHTML.url(image.fallback.last!.file)
        }
        return mediaHTML.url(MediaPlan.output(of: chosen.entry, in: source))
    }

    /// `hreflang` and a note for a link to a file in another language than the reader's.
    func fileLanguage(_ url: String, from folder: String, language: String) -> LinkLanguage? {
        guard MediaCheck.mayNameAFile(url), case .media(let source) = links.resolve(url, from: folder),
            let code = chosenFile(source, language: language)?.language, code != language
        else { return nil }
        return LinkLanguage(code: code, note: languageName(code, in: language), noteLanguage: language)
    }

    /// A language's name as the reader's language writes it ("Russian", "русский", "орыс тілі").
    func languageName(_ code: String, in language: String) -> String {
        let locale = Locale(identifier: config.language(language)?.locale ?? language)
        let name = locale.localizedString(forLanguageCode: code) ?? config.language(code)?.name ?? code
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// A body's image: a picture (a figure when alone in its paragraph), an SVG, or for what is
    /// not a picture of the item's folder, its alt text (nothing is loaded from another host).
    func bodyImage(_ image: MarkdownImage, from folder: String, language: String, shown: ImagesShown) -> String? {
        let alt = HTMLEscaping.escape(image.alt)
        guard MediaCheck.mayNameAFile(image.url), case .media(let source) = links.resolve(image.url, from: folder),
            let chosen = chosenFile(source, language: language)
        else { return image.alone ? "<p>\(alt)</p>" : alt }
        let eager = shown.count == 0
        let html: String
        switch source.kind {
        case .raster:
            guard let published = media.image(folder: source.folder, fileName: chosen.entry.fileName) else {
                return alt
            }
            shown.count += 1
            html = mediaHTML.picture(published, alt: image.alt, sizes: theme.pictureSizes.content, eager: eager)
        case .svg:
            shown.count += 1
            html = mediaHTML.drawing(
                file: MediaPlan.output(of: chosen.entry, in: source),
                size: media.drawing(folder: source.folder, fileName: chosen.entry.fileName), alt: image.alt,
                eager: eager)
        case .attachment:
            guard let url = fileURL(source, language: language) else { return alt }
            let link = "<a href=\"\(HTMLEscaping.escapeURL(url))\">\(alt)</a>"
            return image.alone ? "<p>\(link)</p>" : link
        }
        return image.alone ? mediaHTML.figure(html, caption: image.title) : html
    }

    /// An item's cover as a picture, in the reader's language's variant.
    func cover(
        folder: String, _ fields: ItemMediaFields, language: String, sizes: String, eager: Bool,
        className: String
    ) -> RenderedHTML? {
        guard let (_, published, alt) = coverImage(folder: folder, fields, language: language) else { return nil }
        let html = mediaHTML.picture(published, alt: alt, sizes: sizes, eager: eager, className: className)
        return RenderedHTML(utf8: Array(html.utf8))
    }

    /// The cover's source, pictures and alt text for `language` (its fallback chain's alt).
    func coverImage(
        folder: String, _ fields: ItemMediaFields, language: String
    ) -> (MediaSource, PublishedMedia.Image, String)? {
        guard let mention = fields.cover, let source = site.media.source(folder: folder, name: mention.name),
            let chosen = chosenFile(source, language: language),
            let published = media.image(folder: folder, fileName: chosen.entry.fileName),
            let alt = config.fallbackChain(for: language).lazy.compactMap({ fields.coverAlt[$0] }).first
        else { return nil }
        return (source, published, alt)
    }

    /// The link preview's picture: the cover cut to 1200x630, else the theme's `preview.png`.
    func previewImage(folder: String?, _ fields: ItemMediaFields?, language: String) -> PageChrome.PreviewImage? {
        if let folder, let fields, let (_, published, alt) = coverImage(folder: folder, fields, language: language),
            let cover = published.cover
        {
            return PageChrome.PreviewImage(
                url: absolute(mediaHTML.url(cover.file)), width: cover.width, height: cover.height,
                type: cover.encoding.mimeType, alt: alt)
        }
        return themePreviews[language] ?? themePreview(language: language)
    }

    /// The theme's `preview.png`, with the site's title as its alt text.
    func themePreview(language: String) -> PageChrome.PreviewImage? {
        guard let name = theme.assetNames["preview.png"], let size = theme.previewSize else { return nil }
        let title = config.title.value(in: config.fallbackChain(for: language))?.text ?? ""
        return PageChrome.PreviewImage(
            url: absolute(routes.asset(name)), width: size.width, height: size.height, type: "image/png", alt: title)
    }

    /// The downloads listed on an item's page, in `attachments:` order; nil when it has none.
    func downloads(folder: String, _ fields: ItemMediaFields, language: String) -> Downloads? {
        let items = attachments(folder: folder, fields, language: language)
        return items.isEmpty ? nil : Downloads(items: items)
    }

    func attachments(folder: String, _ fields: ItemMediaFields, language: String) -> [AttachmentView] {
        guard !fields.attachments.isEmpty else { return [] }
        let strings = self.strings(language)
        let locale = config.language(language)?.locale ?? language
        return fields.attachments.compactMap { mention in
            guard let source = site.media.source(folder: folder, name: mention.name),
                case .attachment(let kind) = source.kind, let chosen = chosenFile(source, language: language),
                let url = fileURL(source, language: language)
            else { return nil }
            let kindName = strings.name(of: kind)
            let other = chosen.language.flatMap { $0 == language ? nil : $0 }
            return AttachmentView(
                href: url, name: chosen.entry.fileName, hreflang: other,
                languageNote: other.map { languageName($0, in: language) },
                details: "\(kindName), \(ByteCountText.format(chosen.entry.size, localeIdentifier: locale))",
                mimeType: kind.mimeType)
        }
    }
}
