import CVipsShim

/// How every published image is made: the widths the theme's `sizes` picks among, the
/// encoders' qualities, the link-preview cover's box. Part of every derivative's cache key.
public struct ImageRecipe: Sendable, Hashable {
    /// Ascending. A source is never enlarged: it gets the widths up to its own, then its own
    /// width when it lies between two of them (a 1500 px photo is not shown at 960 where 1500
    /// would fit), or, when it is narrower than the first, one derivative at its own width.
    public var widths: [Int]
    public var webpQuality: Int
    public var jpegQuality: Int
    /// The Open Graph picture's size (1200x630, the size every messenger shows whole).
    public var coverWidth: Int
    public var coverHeight: Int

    public init(widths: [Int], webpQuality: Int, jpegQuality: Int, coverWidth: Int, coverHeight: Int) {
        self.widths = widths.sorted()
        self.webpQuality = webpQuality
        self.jpegQuality = jpegQuality
        self.coverWidth = coverWidth
        self.coverHeight = coverHeight
    }

    /// The qualities are those of the benchmark's floor (`vipsthumbnail`, WebP Q 75, JPEG Q 80).
    public static let standard = ImageRecipe(
        widths: [480, 960, 1600], webpQuality: 75, jpegQuality: 80,
        coverWidth: 1200, coverHeight: 630)

    /// The widths made from a source `width` pixels wide (upright).
    public func widths(forSourceWidth width: Int) -> [Int] {
        let fitting = widths.filter { $0 <= width }
        guard let largest = widths.last, width < largest else { return fitting }
        return fitting.last == width ? fitting : fitting + [width]
    }

    /// The cover's size for an upright source: the recipe's box, or, for a smaller source,
    /// the largest box of the same shape inside it (a cover is never enlarged either).
    public func coverSize(forSourceWidth width: Int, height: Int) -> (width: Int, height: Int) {
        if width >= coverWidth && height >= coverHeight { return (coverWidth, coverHeight) }
        // The widest box of the cover's shape that fits: limited by the width or by the height.
        let byHeight = height * coverWidth / coverHeight
        let boxWidth = max(1, min(width, byHeight))
        return (boxWidth, max(1, boxWidth * coverHeight / coverWidth))
    }

    /// Everything that decides a derivative's bytes besides the source: this recipe, the way
    /// PlanMedia uses libvips (`revision`, raised when that changes), and libvips' version.
    public var fingerprint: String {
        "planmedia \(Self.revision); libvips \(String(cString: pvips_version())); widths "
            + widths.map(String.init).joined(separator: ",")
            + "; webp q\(webpQuality); jpeg q\(jpegQuality) optimized; png"
            + "; cover \(coverWidth)x\(coverHeight) attention"
    }

    /// Raise when a change to PlanMedia changes the bytes it makes from the same recipe.
    static let revision = 2
}
