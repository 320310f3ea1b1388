import Foundation
import PlanMedia
import Synchronization

/// The pictures earlier builds made, kept in a folder of their own (beside the output, or where
/// `--image-cache` says, for CI to keep between runs): one folder per `DerivativeKey`, named by
/// its hash and holding the key's text, the sizes and the encoded files. A build takes the
/// pictures of an unchanged source from here instead of decoding it. An entry is written under a
/// temporary name and renamed into place, so a reader never sees half of one; a key whose text
/// differs from the entry's is a miss. What a successful build did not use is removed.
///
/// The sources themselves are remembered by path, size and time (`sources`): an unchanged
/// photo is neither read nor hashed again.
final class ImageStore: @unchecked Sendable {
    let folder: String
    private let used = Mutex<Set<String>>([])
    private let known: Mutex<[String: KnownSource]>
    private let seen = Mutex<[String: KnownSource]>([:])

    struct KnownSource: Sendable {
        let stamp: FileStamp
        let digest: String
        let header: ImageHeader
    }

    init(folder: String) {
        self.folder = folder
        known = Mutex(Self.readSources(folder + "/sources"))
    }

    // MARK: Sources

    func source(path: String, stamp: FileStamp) -> KnownSource? {
        guard let found = known.withLock({ $0[path] }), found.stamp == stamp else { return nil }
        seen.withLock { $0[path] = found }
        return found
    }

    func rememberSource(path: String, _ source: KnownSource) {
        seen.withLock { $0[path] = source }
    }

    // MARK: Pictures

    /// The entry's folder: its key's hash.
    private func entry(_ key: DerivativeKey) -> String {
        folder + "/" + WordHash.hex(Data(key.text.utf8))
    }

    func image(_ key: DerivativeKey) -> StoredImage? {
        let path = entry(key)
        guard let keyText = Self.text(at: path + "/key"), keyText == key.text,
            let sizes = Self.text(at: path + "/sizes"),
            let image = StoredImage(sizes: sizes, folder: path)
        else { return nil }
        used.withLock { _ = $0.insert(path) }
        return image
    }

    /// Keeps `image` for `key`; a store that cannot be written costs a later build time only.
    func store(_ key: DerivativeKey, _ image: ProcessedImage) {
        let path = entry(key)
        let temporary = path + ".partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let stored = StoredImage(image, folder: path)
        do {
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            for (file, bytes) in stored.files(of: image) {
                try bytes.write(to: URL(fileURLWithPath: temporary + "/" + file))
            }
            try Data(stored.sizesText.utf8).write(to: URL(fileURLWithPath: temporary + "/sizes"))
            try Data(key.text.utf8).write(to: URL(fileURLWithPath: temporary + "/key"))
            try? FileManager.default.removeItem(atPath: path)
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            used.withLock { _ = $0.insert(path) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    /// After a successful build: the entries and sources it did not use are forgotten.
    /// Only the store's own entries go (a key's hash, or one left half written): `--image-cache`
    /// may name a folder that holds other things too.
    func keepOnlyUsed() {
        let used = self.used.withLock { $0 }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where Self.isEntry(name) {
            if !used.contains(folder + "/" + name) { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
        let seen = self.seen.withLock { $0 }
        guard !seen.isEmpty || FileManager.default.fileExists(atPath: folder) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var text = ""
        for path in seen.keys.sorted() {
            let source = seen[path]!, header = source.header
            text +=
                [
                    path, "\(source.stamp.size)", "\(source.stamp.modified)", "\(source.stamp.modifiedNanoseconds)",
                    source.digest, header.format.rawValue, "\(header.storedWidth)", "\(header.storedHeight)",
                    header.hasAlpha ? "1" : "0", "\(header.orientation)"
                ].joined(separator: "\t") + "\n"
        }
        try? Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/sources"), options: .atomic)
    }

    /// An entry's name: 16 hexadecimal digits (`WordHash.hex`), with `.partial-…` while written.
    private static func isEntry(_ name: String) -> Bool {
        let hash = name.utf8.prefix(16)
        return hash.count == 16 && hash.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
            && (name.utf8.count == 16 || name.dropFirst(16).hasPrefix(".partial-"))
    }

    /// A small file of the store as text; nil when it is missing or not UTF-8. An empty file is
    /// not read: Foundation's reader leaks its first buffer on one (LeakSanitizer, Swift 6.3).
    private static func text(at path: String) -> String? {
        guard let stamp = FileStamp.of(path: path) else { return nil }
        guard stamp.size > 0 else { return "" }
        return FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }

    private static func readSources(_ path: String) -> [String: KnownSource] {
        guard let text = Self.text(at: path) else { return [:] }
        var sources: [String: KnownSource] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 10, let size = Int64(fields[1]), let seconds = Int64(fields[2]),
                let nanoseconds = Int64(fields[3]), let format = ImageFormat(rawValue: fields[5]),
                let width = Int(fields[6]), let height = Int(fields[7]), let orientation = Int(fields[9])
            else { continue }
            sources[fields[0]] = KnownSource(
                stamp: FileStamp(size: size, modified: seconds, modifiedNanoseconds: nanoseconds),
                digest: fields[4],
                header: ImageHeader(
                    format: format, storedWidth: width, storedHeight: height, hasAlpha: fields[8] == "1",
                    orientation: orientation))
        }
        return sources
    }
}

/// The pictures of one source as a store entry holds them: sizes, and where each file is.
struct StoredImage: Sendable {
    struct Picture: Sendable {
        let width: Int
        let height: Int
        let encoding: ImageEncoding
        let path: String
    }

    /// By ascending width: the modern encoding and the fallback of each.
    let variants: [(modern: Picture, fallback: Picture)]
    let cover: Picture?

    private static func fileName(_ role: String, _ width: Int, _ encoding: ImageEncoding) -> String {
        "\(role)\(width).\(encoding.fileExtension)"
    }

    init(_ image: ProcessedImage, folder: String) {
        func picture(_ role: String, _ encoded: EncodedImage) -> Picture {
            Picture(
                width: encoded.width, height: encoded.height, encoding: encoded.encoding,
                path: folder + "/" + Self.fileName(role, encoded.width, encoded.encoding))
        }
        variants = image.variants.map { (picture("w", $0.modern), picture("w", $0.fallback)) }
        cover = image.cover.map { picture("cover", $0) }
    }

    /// Reads the `sizes` text of an entry: one line per picture, `role width height encoding`.
    init?(sizes: String, folder: String) {
        var modern: [Picture] = [], fallback: [Picture] = [], cover: Picture?
        for line in sizes.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 4, let width = Int(fields[1]), let height = Int(fields[2]),
                let encoding = ImageEncoding(rawValue: fields[3])
            else { return nil }
            let role = fields[0] == "cover" ? "cover" : "w"
            let picture = Picture(
                width: width, height: height, encoding: encoding,
                path: folder + "/" + Self.fileName(role, width, encoding))
            switch fields[0] {
            case "modern": modern.append(picture)
            case "fallback": fallback.append(picture)
            case "cover": cover = picture
            default: return nil
            }
        }
        guard modern.count == fallback.count, !modern.isEmpty else { return nil }
        variants = Array(zip(modern, fallback))
        self.cover = cover
    }

    var sizesText: String {
        var lines = variants.flatMap { pair in
            [("modern", pair.modern), ("fallback", pair.fallback)].map { role, picture in
                "\(role) \(picture.width) \(picture.height) \(picture.encoding.rawValue)"
            }
        }
        if let cover { lines.append("cover \(cover.width) \(cover.height) \(cover.encoding.rawValue)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The entry's files and their bytes.
    func files(of image: ProcessedImage) -> [(String, Data)] {
        var files: [(String, Data)] = []
        for (pair, variant) in zip(variants, image.variants) {
            files.append(((pair.modern.path as NSString).lastPathComponent, variant.modern.bytes))
            files.append(((pair.fallback.path as NSString).lastPathComponent, variant.fallback.bytes))
        }
        if let cover, let bytes = image.cover?.bytes {
            files.append(((cover.path as NSString).lastPathComponent, bytes))
        }
        return files
    }
}
