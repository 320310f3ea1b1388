import Foundation
import PlanMedia
import Synchronization

/// Publishes the planned media (`MediaPlan`): each image's derivatives, from the build memory's
/// store when it has them (nothing decoded), else made on every core (`ImageProcessor`) and
/// stored; attachments and SVGs copied as they are. A file the previous build wrote from the same
/// source is kept as it is.
enum MediaPublisher {
    /// Every image that failed to decode, at its file and where it is shown from.
    struct Failures: Error {
        let diagnostics: [Diagnostic]
    }

    /// Publishes everything into `writer` and returns what pages need to show it.
    static func publish(
        _ plan: MediaPlan, writer: OutputWriter, memory: BuildMemory,
        threads: Int
    ) throws -> PublishedMedia {
        var published = PublishedMedia()
        var toMake: [MediaPlan.Image] = []
        for image in plan.images {
            if let stored = memory.storedImage(image.key) {
                let shown = self.published(stored, image)
                try write(stored, shown, key: image.key, writer: writer)
                published.add(shown, for: image.source.folder + "/" + image.file.fileName)
                published.fromStore += 1
            } else {
                toMake.append(image)
            }
        }
        let made = Mutex<[(Int, PublishedMedia.Image)]>([])
        let failures = Mutex<[Diagnostic]>([])
        let writeFailure = Mutex<Error?>(nil)
        let pending = toMake
        let jobs = pending.map {
            ImageJob(source: .file(path: $0.path), header: $0.header, makesCover: $0.makesCover)
        }
        ImageProcessor.processEach(jobs, recipe: MediaPlan.recipe, threads: threads) { index, result in
            let image = pending[index]
            switch result {
            case .failure(let error):
                failures.withLock {
                    $0.append(
                        .error(
                            SourceLocation(path: image.displayPath),
                            error.message + " (used at \(image.shownFrom.description))"))
                }
            case .success(let processed):
                let stored = StoredImage(processed, folder: "")
                let shown = self.published(stored, image)
                do {
                    try write(processed, shown, key: image.key, writer: writer)
                } catch {
                    writeFailure.withLock { $0 = $0 ?? error }
                }
                memory.storeImage(image.key, processed)
                made.withLock { $0.append((index, shown)) }
            }
        }
        if let error = writeFailure.withLock({ $0 }) { throw error }
        let problems = failures.withLock { $0 }
        guard problems.isEmpty else { throw Failures(diagnostics: problems.sorted { $0.location < $1.location }) }
        for (index, shown) in made.withLock({ $0 }) {
            published.add(shown, for: toMake[index].source.folder + "/" + toMake[index].file.fileName)
        }
        published.made = toMake.count
        for copy in plan.copies {
            if let size = copy.drawingSize { published.addDrawing(copy.file, width: size.width, height: size.height) }
            let key = copyKey(copy)
            if try writer.reuse(copy.output, reuseKey: key) { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: copy.path), options: .mappedIfSafe)
            try writer.write(copy.output, data, reuseKey: key)
        }
        return published
    }

    /// The output files of an image's pictures: `STEM-480.webp`, `STEM-480.jpg`, `STEM-cover.jpg`.
    private static func published(_ stored: StoredImage, _ image: MediaPlan.Image) -> PublishedMedia.Image {
        func picture(_ role: String, _ picture: StoredImage.Picture) -> PublishedMedia.Picture {
            PublishedMedia.Picture(
                file: "\(image.outputStem)-\(role).\(picture.encoding.fileExtension)", width: picture.width,
                height: picture.height, encoding: picture.encoding)
        }
        return PublishedMedia.Image(
            modern: stored.variants.map { picture("\($0.modern.width)", $0.modern) },
            fallback: stored.variants.map { picture("\($0.fallback.width)", $0.fallback) },
            cover: stored.cover.map { picture("cover", $0) })
    }

    /// Each output file with the bytes it gets, from a store entry (read only when the previous
    /// build's file cannot be kept).
    private static func write(
        _ stored: StoredImage, _ shown: PublishedMedia.Image, key: DerivativeKey,
        writer: OutputWriter
    ) throws {
        let sources =
            stored.variants.flatMap { [$0.modern.path, $0.fallback.path] } + (stored.cover.map { [$0.path] } ?? [])
        let files =
            zip(shown.modern, shown.fallback).flatMap { [$0.file, $1.file] } + (shown.cover.map { [$0.file] } ?? [])
        for (source, file) in zip(sources, files) {
            let reuseKey = pictureKey(key, file)
            if try writer.reuse(file, reuseKey: reuseKey) { continue }
            try writer.write(file, try Data(contentsOf: URL(fileURLWithPath: source)), reuseKey: reuseKey)
        }
    }

    private static func write(
        _ processed: ProcessedImage, _ shown: PublishedMedia.Image, key: DerivativeKey,
        writer: OutputWriter
    ) throws {
        for (variant, (modern, fallback)) in zip(processed.variants, zip(shown.modern, shown.fallback)) {
            try writer.write(modern.file, variant.modern.bytes, reuseKey: pictureKey(key, modern.file))
            try writer.write(fallback.file, variant.fallback.bytes, reuseKey: pictureKey(key, fallback.file))
        }
        if let cover = processed.cover, let file = shown.cover?.file {
            try writer.write(file, cover.bytes, reuseKey: pictureKey(key, file))
        }
    }

    /// A picture file is made from its source's bytes and the recipe, and named by its place.
    private static func pictureKey(_ key: DerivativeKey, _ file: String) -> UInt64 {
        var hash = WordHash()
        hash.add(key.text)
        hash.add(file)
        return hash.value
    }

    /// A copied file is its source's bytes: the same path, size and time, the same file.
    private static func copyKey(_ copy: MediaPlan.Copy) -> UInt64 {
        var hash = WordHash()
        hash.add(copy.path)
        hash.add(UInt64(bitPattern: copy.stamp.size))
        hash.add(UInt64(bitPattern: copy.stamp.modified))
        hash.add(UInt64(bitPattern: copy.stamp.modifiedNanoseconds))
        return hash.value
    }
}
