import CVipsShim
import Foundation

/// One libvips image, its pixels computed and held in memory; released with the wrapper.
/// Used by one thread at a time (the one processing its source), so not `Sendable`.
final class VipsImage {
    private let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { pvips_release(pointer) }

    /// The image in `bytes`, fitted into `width` x `height` (never enlarged), upright, sRGB;
    /// with a crop, filling the box and cut to it. Shrunk while it loads where the format allows.
    static func thumbnail(
        _ bytes: UnsafeRawBufferPointer, width: Int, height: Int,
        crop: PlanVipsCrop = PLAN_VIPS_CROP_NONE
    ) throws(VipsGate.Failed) -> VipsImage {
        guard let base = bytes.baseAddress,
            let made = pvips_thumbnail(base, bytes.count, Int32(width), Int32(height), crop)
        else { throw VipsGate.Failed() }
        return VipsImage(made)
    }

    /// This image fitted into `width` x `height` (with a crop: filling it, cut to it), never enlarged.
    func reduced(
        width: Int, height: Int,
        crop: PlanVipsCrop = PLAN_VIPS_CROP_NONE
    ) throws(VipsGate.Failed) -> VipsImage {
        guard let made = pvips_reduce(pointer, Int32(width), Int32(height), crop) else { throw VipsGate.Failed() }
        return VipsImage(made)
    }

    var width: Int { Int(pvips_width(pointer)) }
    var height: Int { Int(pvips_height(pointer)) }
    var hasAlpha: Bool { pvips_has_alpha(pointer) != 0 }

    /// The pixels encoded with no metadata at all.
    func encoded(_ encoding: ImageEncoding, quality: Int) throws(VipsGate.Failed) -> Data {
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        guard pvips_encode(pointer, encoding.vipsEncoding, Int32(quality), &bytes, &length) == 0, let bytes
        else { throw VipsGate.Failed() }
        return Data(bytesNoCopy: bytes, count: length, deallocator: .custom { pointer, _ in pvips_free(pointer) })
    }
}

extension ImageEncoding {
    fileprivate var vipsEncoding: PlanVipsEncoding {
        switch self {
        case .webp: PLAN_VIPS_WEBP
        case .jpeg: PLAN_VIPS_JPEG
        case .png: PLAN_VIPS_PNG
        }
    }
}
