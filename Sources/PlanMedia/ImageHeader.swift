/// What an image's header says, read without decoding its pixels.
public struct ImageHeader: Sendable, Equatable {
    public let format: ImageFormat
    /// As stored, before the orientation tag is applied.
    public let storedWidth: Int
    public let storedHeight: Int
    public let hasAlpha: Bool
    /// The EXIF orientation, 1 (upright) to 8.
    public let orientation: Int

    public init(format: ImageFormat, storedWidth: Int, storedHeight: Int, hasAlpha: Bool, orientation: Int) {
        self.format = format
        self.storedWidth = storedWidth
        self.storedHeight = storedHeight
        self.hasAlpha = hasAlpha
        self.orientation = orientation
    }

    /// Orientations 5 to 8 turn the picture a quarter, so width and height swap.
    private var turnsAQuarter: Bool { (5...8).contains(orientation) }

    /// The size as shown, upright: what the derivatives are cut from.
    public var width: Int { turnsAQuarter ? storedHeight : storedWidth }
    public var height: Int { turnsAQuarter ? storedWidth : storedHeight }
}
