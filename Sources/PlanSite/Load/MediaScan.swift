import Foundation
import PlanMedia

/// Finds the media files in an item's folder (CONTENT.md, "Media"): every file that is not
/// `meta.yaml` or a language file. A name outside the allowed characters, or a file too large
/// to publish, is an error at the file; a kind of file that is never published is a warning.
enum MediaScan {
    /// Lowercase ASCII letters, digits, hyphens and dots: the same address on every host, in
    /// every file system, and nothing to escape in a URL.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.first != UInt8(ascii: "-")
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
    }

    /// The files of one item folder, added to `library` as sources by the name Markdown gives
    /// them; a file refused here is noted there as refused (its uses are not "no file" too).
    static func scan(
        _ tree: ContentTree, folder: String, languages: [String], limits: MediaLimits = .standard,
        into library: inout MediaLibrary, log: inout DiagnosticLog
    ) {
        var sources: [String: MediaSource] = [:]
        var pictureStems: [String: String] = [:]
        for entry in tree.entries(folder) where !entry.isDirectory && !isText(entry.name) {
            let relative = folder + "/" + entry.name
            let at = SourceLocation(path: tree.display(relative))
            let parts = entry.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, let kind = MediaKind(fileExtension: parts.last!.lowercased()) else {
                log.warning(
                    at,
                    "'\(entry.name)' is not published: media files are images (.jpg, .jpeg, .png, .webp, .avif, "
                        + ".gif, .svg) or attachments (.pdf, .docx, .xlsx, .pptx, .odt, .ods, .odp, .csv, .txt, .zip)")
                continue
            }
            var language: String?
            var nameParts = parts
            if parts.count >= 3, languages.contains(parts[parts.count - 2]) {
                language = parts[parts.count - 2]
                nameParts.remove(at: parts.count - 2)
            }
            let name = nameParts.joined(separator: ".")
            guard isValidName(entry.name) else {
                log.error(
                    at,
                    "'\(entry.name)' is not a valid media file name: use lowercase letters, digits, hyphens and "
                        + "dots (\(suggestedName(entry.name)))")
                library.refuse(name, folder: folder)
                continue
            }
            guard let stamp = FileStamp.of(path: tree.path(relative)) else {
                log.error(at, "cannot read the file")
                library.refuse(name, folder: folder)
                continue
            }
            if let refusal = sizeRefusal(kind, size: Int(stamp.size), limits: limits) {
                log.error(at, refusal.message)
                library.refuse(name, folder: folder)
                continue
            }
            if kind == .raster {
                let stem = parts.dropLast().joined(separator: ".")
                if let other = pictureStems[stem] {
                    log.error(
                        at,
                        "'\(entry.name)' and '\(other)' would publish pictures under the same names "
                            + "(\(stem)-480.webp, …): rename one")
                    continue
                }
                pictureStems[stem] = entry.name
            }
            var source = sources[name] ?? MediaSource(folder: folder, name: name, kind: kind)
            let file = MediaFileEntry(fileName: entry.name, stamp: stamp)
            if let language { source.variants[language] = file } else { source.common = file }
            sources[name] = source
        }
        library.add(sources.keys.sorted().map { sources[$0]! }, folder: folder)
    }

    private static func isText(_ name: String) -> Bool {
        name == "meta.yaml" || name.hasSuffix(".md") || name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    private static func sizeRefusal(_ kind: MediaKind, size: Int, limits: MediaLimits) -> MediaError? {
        switch kind {
        case .raster, .svg:
            return size > limits.maxImageBytes ? .imageTooLarge(bytes: size, limit: limits.maxImageBytes) : nil
        case .attachment:
            return size > limits.maxAttachmentBytes
                ? .attachmentTooLarge(bytes: size, limit: limits.maxAttachmentBytes) : nil
        }
    }

    /// The name lowercased, with every other character a hyphen: "Photo 01.JPG" -> "photo-01.jpg".
    private static func suggestedName(_ name: String) -> String {
        let lowered = name.lowercased().unicodeScalars.map { scalar -> Character in
            let byte = scalar.isASCII ? UInt8(scalar.value) : 0
            let allowed =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".")
            return allowed ? Character(scalar) : "-"
        }
        return "rename it to '\(String(lowered))'"
    }
}
