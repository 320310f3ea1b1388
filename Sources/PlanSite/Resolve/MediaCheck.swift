import Foundation
import PlanMedia

/// Checks the site's media against what uses it (CONTENT.md, "Media"): every `cover` and
/// `attachments` entry names a file of its folder, a cover is an image with alt text in every
/// language, each image shown has a header that may be decoded, each SVG passes `SVGCheck`; a
/// file nothing uses is a warning. Gives what is to be published.
struct MediaCheck {
    let site: Site
    let tree: ContentTree
    let resolver: LinkResolver
    let memory: BuildMemory

    /// Where each source is used from: links and images of bodies, covers, attachments.
    private var uses: [String: [SourceLocation]] = [:]
    private var covers: Set<String> = []

    init(site: Site, tree: ContentTree, resolver: LinkResolver, memory: BuildMemory) {
        self.site = site
        self.tree = tree
        self.resolver = resolver
        self.memory = memory
    }

    private static func key(_ source: MediaSource) -> String { source.folder + "/" + source.name }

    /// Checks everything and plans what `published` (the site without its drafts, when they are
    /// left out) publishes; drafts' uses still count as uses.
    static func run(
        _ site: Site, published: Site, tree: ContentTree, memory: BuildMemory, reportsUnused: Bool = true,
        log: inout DiagnosticLog
    ) -> MediaPlan {
        if site.media.sources.isEmpty && !Self.anyMentions(site) { return MediaPlan() }
        var all = MediaCheck(site: site, tree: tree, resolver: LinkResolver(site: site), memory: memory)
        all.collectUses(log: &log)
        for source in site.media.all where reportsUnused && all.uses[key(source)] == nil {
            for file in source.files {
                log.warning(
                    SourceLocation(path: tree.display(source.folder + "/" + file.fileName)),
                    "'\(file.fileName)' is not used (no link, image, cover or attachment names "
                        + "'\(source.name)'), so it is not published")
            }
        }
        // Without drafts left out, what is published is what was checked: its uses are collected once.
        guard published.events.count != site.events.count else { return all.plan(log: &log) }
        var shown = MediaCheck(site: published, tree: tree, resolver: LinkResolver(site: published), memory: memory)
        var quiet = DiagnosticLog()
        shown.collectUses(log: &quiet)
        return shown.plan(log: &log)
    }

    private static func anyMentions(_ site: Site) -> Bool {
        site.documents.contains { !$0.media.isEmpty } || site.areas.contains { !$0.media.isEmpty }
            || site.events.contains { !$0.media.isEmpty }
    }

    private mutating func collectUses(log: inout DiagnosticLog) {
        for text in site.home.values { collect(text.body, text.source) }
        for document in site.documents {
            for text in document.texts.values { collect(text.body, text.source) }
            checkFields(document.media, folder: document.folder, languages: Array(document.texts.keys), log: &log)
        }
        for area in site.areas {
            for text in area.texts.values { collect(text.body, text.source) }
            checkFields(area.media, folder: area.folder, languages: Array(area.texts.keys), log: &log)
        }
        for event in site.events {
            for text in event.texts.values { collect(text.body, text.source) }
            checkFields(event.media, folder: event.folder, languages: Array(event.texts.keys), log: &log)
        }
    }

    /// A body's links and images to media files.
    private mutating func collect(_ body: Body, _ source: TextSource) {
        for link in body.links where Self.mayNameAFile(link.url) {
            guard case .media(let target) = resolver.resolve(link.url, from: source.folder) else { continue }
            uses[Self.key(target), default: []].append(
                SourceLocation(path: source.path, line: link.position.line, column: link.position.column))
        }
    }

    /// A relative or root link whose last part has an extension: only such a link can name a file.
    /// (A scan of the bytes: every link of every page is asked, 150,000 at 10,000 events.)
    static func mayNameAFile(_ url: String) -> Bool {
        let bytes = url.utf8
        guard let first = bytes.first, first != UInt8(ascii: "#") else { return false }
        var sawDot = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "?"): return sawDot && !LinkResolver.hasScheme(url)
            case UInt8(ascii: "/"): sawDot = false
            case UInt8(ascii: "."): sawDot = true
            default: continue
            }
        }
        return sawDot && !LinkResolver.hasScheme(url)
    }

    private mutating func checkFields(
        _ media: ItemMediaFields, folder: String, languages: [String],
        log: inout DiagnosticLog
    ) {
        if let cover = media.cover {
            if let source = mentioned(cover, folder: folder, what: "cover", log: &log) {
                // Named, so not "unused" even when refused: its error says what is wrong.
                uses[Self.key(source), default: []].append(cover.location)
                // A cover is cut to a 1200x630 picture for link previews: a photo or picture, not a drawing.
                if source.kind == .raster {
                    covers.insert(Self.key(source))
                    for code in languages.sorted() where media.coverAlt[code] == nil {
                        log.error(
                            SourceLocation(path: tree.display(folder + "/" + code + ".md"), line: 1, column: 1),
                            "the cover '\(cover.name)' needs its alt text in this language: add "
                                + "'\(MediaFieldsReader.altKey): …' to the front matter, saying what it shows")
                    }
                } else {
                    let what = source.kind == .svg ? "an SVG, which link previews do not show" : "not an image"
                    log.error(
                        cover.location,
                        "the cover '\(cover.name)' is \(what): a cover is a photo or picture (.jpg, .png, .webp, …)")
                }
            }
        }
        for attachment in media.attachments {
            guard let source = mentioned(attachment, folder: folder, what: "attachment", log: &log) else { continue }
            uses[Self.key(source), default: []].append(attachment.location)
            if source.kind.isImage {
                log.error(
                    attachment.location,
                    "'\(attachment.name)' is an image: show it in the text or as the cover; attachments are "
                        + "documents (.pdf, .docx, …)")
            }
        }
    }

    private func mentioned(
        _ mention: MediaMention, folder: String, what: String,
        log: inout DiagnosticLog
    ) -> MediaSource? {
        if let source = site.media.source(folder: folder, name: mention.name) { return source }
        if site.media.refused.contains(folder + "/" + mention.name) { return nil }
        let names = site.media.sources[folder].map { Array($0.keys).sorted() } ?? []
        log.error(
            mention.location,
            "no file '\(mention.name)' for the \(what) in \(folder)"
                + Suggestions.hint(for: mention.name, among: names))
        return nil
    }

    /// Reads and checks every file of every used source; plans the files to publish.
    private func plan(log: inout DiagnosticLog) -> MediaPlan {
        var plan = MediaPlan()
        let used = site.media.all.filter { uses[Self.key($0)] != nil }
        let checked = ParallelMap.map(used.flatMap { source in source.files.map { (source, $0) } }) {
            source, file in
            check(file, of: source)
        }
        for result in checked {
            switch result {
            case .image(let image): plan.images.append(image)
            case .copy(let copy): plan.copies.append(copy)
            case .refused(let problems): problems.forEach { log.add($0) }
            }
        }
        return plan
    }

    private enum Checked: Sendable {
        case image(MediaPlan.Image)
        case copy(MediaPlan.Copy)
        case refused([Diagnostic])
    }

    private func check(_ file: MediaFileEntry, of source: MediaSource) -> Checked {
        let relative = source.folder + "/" + file.fileName
        let path = tree.path(relative), shown = tree.display(relative)
        let firstUse = uses[Self.key(source)]?.min() ?? SourceLocation(path: shown)
        let usedAt = " (used at \(firstUse.description))"
        switch source.kind {
        case .attachment:
            return .copy(
                MediaPlan.Copy(
                    file: relative, kind: source.kind, path: path, output: MediaPlan.output(of: file, in: source),
                    stamp: file.stamp))
        case .svg:
            guard let data = FileManager.default.contents(atPath: path) else {
                return .refused([.error(SourceLocation(path: shown), "cannot read the file" + usedAt)])
            }
            let result = SVGCheck.check(data)
            guard result.problems.isEmpty else {
                return .refused(
                    result.problems.map {
                        .error(SourceLocation(path: shown, line: $0.line, column: $0.column), $0.message + usedAt)
                    })
            }
            var copy = MediaPlan.Copy(
                file: relative, kind: source.kind, path: path, output: MediaPlan.output(of: file, in: source),
                stamp: file.stamp)
            if let width = result.width, let height = result.height, width >= 1, height >= 1 {
                copy.drawingSize = (Int(width.rounded()), Int(height.rounded()))
            }
            return .copy(copy)
        case .raster:
            let makesCover = covers.contains(Self.key(source))
            let probed: (digest: String, header: ImageHeader)
            if let known = memory.imageSource(path: path, stamp: file.stamp) {
                probed = known
            } else {
                do {
                    let bytes = try ImageProbe.read(path: path)
                    probed = ("\(WordHash.hex(bytes))-\(bytes.count)", try ImageProbe.header(of: bytes))
                    memory.rememberImageSource(
                        path: path, stamp: file.stamp, digest: probed.digest, header: probed.header)
                } catch {
                    return .refused([.error(SourceLocation(path: shown), error.message + usedAt)])
                }
            }
            return .image(
                MediaPlan.Image(
                    source: source, file: file, path: path, displayPath: shown, header: probed.header,
                    key: DerivativeKey(sourceDigest: probed.digest, recipe: MediaPlan.recipe, makesCover: makesCover),
                    outputStem: MediaPlan.outputStem(of: file, in: source), makesCover: makesCover,
                    shownFrom: firstUse))
        }
    }
}
