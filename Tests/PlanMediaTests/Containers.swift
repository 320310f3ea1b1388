import Foundation

/// The parts of an image file's container (not its pixels): which metadata it could carry.
enum Containers {
    /// A JPEG's marker segments before its scan, as "APP0", "APP1", "DQT", … .
    static func jpegSegments(_ data: Data) -> [String] {
        let bytes = [UInt8](data)
        var names: [String] = [], index = 2
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            names.append(name(ofJPEGMarker: marker))
            if marker == 0xDA { break }
            index += 2 + Int(bytes[index + 2]) << 8 + Int(bytes[index + 3])
        }
        return names
    }

    private static func name(ofJPEGMarker marker: UInt8) -> String {
        switch marker {
        case 0xE0...0xEF: "APP\(marker - 0xE0)"
        case 0xDB: "DQT"
        case 0xC4: "DHT"
        case 0xC0, 0xC1, 0xC2: "SOF"
        case 0xDA: "SOS"
        case 0xDD: "DRI"
        case 0xFE: "COM"
        default: String(format: "%02X", marker)
        }
    }

    /// A WebP file's RIFF chunks: "VP8 ", "VP8L", "VP8X", "ALPH", "EXIF", "XMP ", "ICCP".
    static func webpChunks(_ data: Data) -> [String] {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, String(decoding: bytes[8..<12], as: UTF8.self) == "WEBP" else { return [] }
        var names: [String] = [], index = 12
        while index + 8 <= bytes.count {
            names.append(String(decoding: bytes[index..<index + 4], as: UTF8.self))
            let size = (0..<4).reduce(0) { $0 | Int(bytes[index + 4 + $1]) << (8 * $1) }
            index += 8 + size + size % 2
        }
        return names
    }

    /// A PNG file's chunk types: "IHDR", "IDAT", "eXIf", "tEXt", … .
    static func pngChunks(_ data: Data) -> [String] {
        let bytes = [UInt8](data)
        var names: [String] = [], index = 8
        while index + 8 <= bytes.count {
            let size = (0..<4).reduce(0) { $0 << 8 | Int(bytes[index + $1]) }
            names.append(String(decoding: bytes[index + 4..<index + 8], as: UTF8.self))
            index += 12 + size
        }
        return names
    }
}
