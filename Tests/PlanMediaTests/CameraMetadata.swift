import Foundation

/// The metadata a phone or camera writes into a JPEG, spliced into a test picture's bytes as
/// the marker segments cameras use: EXIF (make, model, orientation, GPS position of Astana),
/// XMP (a creator) and IPTC (a by-line). Every one must be gone from what PlanMedia publishes.
enum CameraMetadata {
    static let make = "SyntheticCam"
    static let model = "Model 19"
    static let photographer = "Synthetic Photographer"

    /// `jpeg` with the three segments inserted after its JFIF header.
    static func added(to jpeg: Data, orientation: Int) -> Data {
        var bytes = [UInt8](jpeg)
        precondition(bytes.starts(with: [0xFF, 0xD8]), "not a JPEG")
        var insertAt = 2
        if bytes[2] == 0xFF && bytes[3] == 0xE0 { insertAt = 4 + Int(bytes[4]) << 8 + Int(bytes[5]) }
        let segments =
            segment(0xE1, Array("Exif\0\0".utf8) + exif(orientation: orientation))
            + segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0".utf8) + Array(xmp.utf8))
            + segment(0xED, photoshopIPTC())
        bytes.insert(contentsOf: segments, at: insertAt)
        return Data(bytes)
    }

    private static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    private static let xmp = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
        <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>\(photographer)</dc:creator>\
        </rdf:Description></rdf:RDF></x:xmpmeta>
        """

    /// A Photoshop image resource block holding one IPTC dataset, 2:80 (By-line).
    private static func photoshopIPTC() -> [UInt8] {
        let name = Array(photographer.utf8)
        let iptc: [UInt8] = [0x1C, 0x02, 0x50, UInt8(name.count >> 8), UInt8(name.count & 0xFF)] + name
        var resource: [UInt8] = Array("8BIM".utf8) + [0x04, 0x04, 0x00, 0x00] + bigEndian32(iptc.count) + iptc
        if resource.count % 2 == 1 { resource.append(0) }
        return Array("Photoshop 3.0\0".utf8) + resource
    }

    private static func bigEndian32(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// A little-endian TIFF structure: IFD0 (make, model, orientation, GPS pointer), then the
    /// GPS IFD (latitude 51°7'30" N, longitude 71°25'10" E), then the values too long to
    /// sit in their entries.
    private static func exif(orientation: Int) -> [UInt8] {
        var tiff = TIFFLayout()
        let gpsOffset = 8 + TIFFLayout.ifdSize(entries: 4)
        tiff.directory([
            .ascii(0x010F, make), .ascii(0x0110, model), .short(0x0112, orientation), .long(0x8825, gpsOffset)
        ])
        tiff.directory([
            .ascii(0x0001, "N"), .rationals(0x0002, [51, 7, 30]), .ascii(0x0003, "E"), .rationals(0x0004, [71, 25, 10])
        ])
        return tiff.bytes
    }
}

/// Lays out TIFF directories one after another, their long values after all of them.
private struct TIFFLayout {
    enum Entry {
        case ascii(UInt16, String), short(UInt16, Int), long(UInt16, Int), rationals(UInt16, [Int])
    }

    static func ifdSize(entries: Int) -> Int { 2 + 12 * entries + 4 }

    private var directories: [[Entry]] = []

    mutating func directory(_ entries: [Entry]) { directories.append(entries) }

    var bytes: [UInt8] {
        var out: [UInt8] = Array("II".utf8) + [0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]
        var data: [UInt8] = []
        let dataStart = 8 + directories.map { Self.ifdSize(entries: $0.count) }.reduce(0, +)
        for entries in directories {
            out += le16(entries.count)
            for entry in entries {
                let (tag, type, count, value) = encoded(entry)
                out += le16(Int(tag)) + le16(type) + le32(count)
                if value.count <= 4 {
                    out += value + Array(repeating: 0, count: 4 - value.count)
                } else {
                    out += le32(dataStart + data.count)
                    data += value
                }
            }
            out += le32(0)
        }
        return out + data
    }

    private func encoded(_ entry: Entry) -> (UInt16, Int, Int, [UInt8]) {
        switch entry {
        case .ascii(let tag, let text): (tag, 2, text.utf8.count + 1, Array(text.utf8) + [0])
        case .short(let tag, let value): (tag, 3, 1, le16(value))
        case .long(let tag, let value): (tag, 4, 1, le32(value))
        case .rationals(let tag, let values): (tag, 5, values.count, values.flatMap { le32($0) + le32(1) })
        }
    }

    private func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    private func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
}
