import PlanMedia

/// What the build published of each image file, for the pages that show it: every derivative's
/// output path and size. Keyed by the file's path in the content folder (`events/x/photo.jpg`).
struct PublishedMedia: Sendable {
    struct Picture: Sendable {
        /// Relative to the output folder.
        let file: String
        let width: Int
        let height: Int
        let encoding: ImageEncoding
    }

    struct Image: Sendable {
        /// By ascending width.
        let modern: [Picture]
        let fallback: [Picture]
        let cover: Picture?
    }

    private(set) var images: [String: Image] = [:]
    /// Images decoded by this build, and images taken from the store.
    var made = 0
    var fromStore = 0
    /// Each SVG's size, when it gives one.
    private(set) var drawings: [String: (width: Int, height: Int)] = [:]

    init() {}

    mutating func add(_ image: Image, for file: String) { images[file] = image }
    mutating func addDrawing(_ file: String, width: Int, height: Int) { drawings[file] = (width, height) }

    func image(folder: String, fileName: String) -> Image? { images[folder + "/" + fileName] }
    func drawing(folder: String, fileName: String) -> (width: Int, height: Int)? { drawings[folder + "/" + fileName] }
}
