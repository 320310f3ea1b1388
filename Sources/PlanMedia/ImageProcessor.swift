import CVipsShim
import Foundation

/// Makes the published pictures of source images: every width of the recipe the source
/// reaches, each encoded once as WebP and as JPEG (PNG with transparency), upright, in sRGB,
/// without metadata; and the Open Graph cover when asked.
public enum ImageProcessor {
    /// Every job's pictures, in the jobs' order, the images spread over `threads` threads.
    /// Holds every result until the last is made: for many images, `processEach` keeps memory flat.
    public static func processAll(
        _ jobs: [ImageJob], recipe: ImageRecipe = .standard,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    )
        -> [Result<ProcessedImage, MediaError>]
    {
        let results = ResultSlots<Result<ProcessedImage, MediaError>>(count: jobs.count)
        processEach(jobs, recipe: recipe, threads: threads) { index, result in results.set(index, result) }
        return results.values
    }

    /// Hands each job's pictures to `deliver` (with the job's index) as soon as they are made,
    /// on the thread that made them, so they can be written and let go; the images are spread
    /// over `threads` threads. One batch at a time: the libvips thread count set here is the
    /// process's.
    public static func processEach(
        _ jobs: [ImageJob], recipe: ImageRecipe = .standard,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        deliver: @Sendable (Int, Result<ProcessedImage, MediaError>) -> Void
    ) {
        let workers = max(1, min(threads, jobs.count))
        // One libvips thread per image when there are images for every core (no two pools
        // competing for the cores); the spare cores to libvips when there are fewer.
        pvips_set_concurrency(Int32(max(1, threads / workers)))
        ParallelEach.run(count: jobs.count, workers: workers) { index in
            let result = Result { () throws(MediaError) -> ProcessedImage in try process(jobs[index], recipe: recipe) }
            deliver(index, result)
        }
    }

    /// One job's pictures, on the calling thread (and libvips' own).
    public static func process(_ job: ImageJob, recipe: ImageRecipe = .standard) throws(MediaError) -> ProcessedImage {
        let bytes: Data
        switch job.source {
        case .bytes(let given): bytes = given
        case .file(let path): bytes = try MediaFile.contents(path: path)
        }
        let made = VipsGate.run { () throws(VipsGate.Failed) -> ProcessedImage in
            try bytes.withUnsafeBytes { raw in
                Result { () throws(VipsGate.Failed) in try make(job, from: raw, recipe) }
            }.get()
        }
        switch made {
        case .success(let processed): return processed
        case .failure(let failure): throw .doesNotDecode(reason: failure.message)
        }
    }

    /// Libvips' height limit: the widths alone decide the size.
    private static let anyHeight = 10_000_000

    private static func make(
        _ job: ImageJob, from raw: UnsafeRawBufferPointer,
        _ recipe: ImageRecipe
    ) throws(VipsGate.Failed) -> ProcessedImage {
        let widths = recipe.widths(forSourceWidth: job.header.width)
        // Decoded once, shrunk while it loads, at the largest width; the others are cut from
        // these pixels in memory, not decoded again.
        let largest = try VipsImage.thumbnail(raw, width: widths.last!, height: anyHeight)
        var variants: [ImageVariant] = []
        for width in widths {
            let image = width >= largest.width ? largest : try largest.reduced(width: width, height: anyHeight)
            variants.append(try variant(of: image, recipe))
        }
        let cover = job.makesCover ? try cover(of: largest, source: raw, header: job.header, recipe) : nil
        return ProcessedImage(variants: variants, cover: cover)
    }

    private static func variant(of image: VipsImage, _ recipe: ImageRecipe) throws(VipsGate.Failed) -> ImageVariant {
        let modern = try encoded(image, .webp, quality: recipe.webpQuality)
        let fallback =
            image.hasAlpha
            ? try encoded(image, .png, quality: 0)
            : try encoded(image, .jpeg, quality: recipe.jpegQuality)
        return ImageVariant(width: image.width, height: image.height, modern: modern, fallback: fallback)
    }

    /// Cut from the largest derivative when it covers the box (no second decode), else from
    /// the source; the part libvips finds most interesting is kept.
    private static func cover(
        of largest: VipsImage, source raw: UnsafeRawBufferPointer, header: ImageHeader,
        _ recipe: ImageRecipe
    ) throws(VipsGate.Failed) -> EncodedImage {
        let box = recipe.coverSize(forSourceWidth: header.width, height: header.height)
        let image =
            largest.width >= box.width && largest.height >= box.height
            ? try largest.reduced(width: box.width, height: box.height, crop: PLAN_VIPS_CROP_ATTENTION)
            : try VipsImage.thumbnail(raw, width: box.width, height: box.height, crop: PLAN_VIPS_CROP_ATTENTION)
        return image.hasAlpha
            ? try encoded(image, .png, quality: 0)
            : try encoded(image, .jpeg, quality: recipe.jpegQuality)
    }

    private static func encoded(
        _ image: VipsImage, _ encoding: ImageEncoding,
        quality: Int
    ) throws(VipsGate.Failed) -> EncodedImage {
        EncodedImage(
            width: image.width, height: image.height, encoding: encoding,
            bytes: try image.encoded(encoding, quality: quality))
    }
}
