import Foundation

/// Media files the tests make as bytes, for what libvips' pictures do not cover: a PDF of an
/// exact size, a PNG whose header claims more pixels than it holds, a file of a given size
/// that takes no room on disk.
enum TestFiles {
    /// A one-page PDF (header, catalogue, pages, page, cross-reference table, trailer) saying
    /// `text`, padded with a comment to exactly `size` bytes.
    static func pdf(saying text: String, size: Int) -> Data {
        let content = "BT /F1 12 Tf 72 770 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        ]
        func assembled(padding: Int) -> String {
            var body = "%PDF-1.4\n%" + String(repeating: "x", count: padding) + "\n"
            var offsets: [Int] = []
            for (index, object) in objects.enumerated() {
                offsets.append(body.utf8.count)
                body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
            }
            let table = body.utf8.count
            body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
            for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
            body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(table)\n%%EOF\n"
            return body
        }
        // The padding moves every offset by the same amount, and offsets have a fixed width.
        let bare = assembled(padding: 0).utf8.count
        precondition(size >= bare, "a PDF saying '\(text)' needs at least \(bare) bytes")
        return Data(assembled(padding: size - bare).utf8)
    }

    /// A PNG whose header says `width` x `height` pixels of RGB, followed by one empty data
    /// chunk: libvips reads its size from the header; its pixels are never there.
    static func pngClaiming(width: Int, height: Int) -> Data {
        let header = bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
        // zlib's stream of nothing: no pixel rows at all.
        let empty: [UInt8] = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        return Data(signature + chunk("IHDR", header) + chunk("IDAT", empty) + chunk("IEND", []))
    }

    /// `png` with a text chunk after its header, as an editing program writes one: a
    /// published picture must lose it.
    static func withText(_ png: Data, keyword: String, text: String) -> Data {
        var bytes = [UInt8](png)
        let headerEnd = 8 + 12 + 13  // the signature, then IHDR's length, type, 13 bytes and CRC
        precondition(bytes.count > headerEnd && Array(bytes[12..<16]) == Array("IHDR".utf8), "not a PNG")
        bytes.insert(contentsOf: chunk("tEXt", Array(keyword.utf8) + [0] + Array(text.utf8)), at: headerEnd)
        return Data(bytes)
    }

    /// A JPEG that starts as `jpeg` does but stops halfway through its compressed data.
    static func truncated(_ jpeg: Data) -> Data {
        jpeg.prefix(jpeg.count / 2)
    }

    /// A file of `size` bytes at `url` that holds no data blocks (a sparse file): the build sees
    /// its size as it lists the folder; a test never writes 100 MB.
    static func writeSparse(size: Int, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(size))
    }

    /// A PNG chunk: length, type, data, and the CRC of type and data.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(data.count) + typed + bigEndian(Int(CRC32.of(typed)))
    }

    private static func bigEndian(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

/// The CRC-32 of PNG chunks (ISO 3309, as zlib computes it).
private enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        (0..<8).reduce(UInt32(index)) { value, _ in value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    }

    static func of(_ bytes: [UInt8]) -> UInt32 {
        ~bytes.reduce(~UInt32(0)) { crc, byte in table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
}
