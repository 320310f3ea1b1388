/// The rule cmark applies in safe mode (`_scan_dangerous_url`): script-capable schemes are
/// dropped; `data:` only for raster images.
public enum URLSafety {
    public static func isSafe(_ url: String) -> Bool {
        // A scheme starts with an ASCII letter: a link whose first significant byte is not one
        // (`/documents/plan`, `../areas`, `#top`) has none, and most links are such.
        if let first = url.utf8.first(where: { $0 > 0x20 }),
            !((first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z"))
        {
            return true
        }
        // The schemes looked for are ASCII: the first significant bytes, lowered, tell, unless
        // one of them is not ASCII (then Unicode's lowering and Characters decide, below).
        var start: [UInt8] = []
        for byte in url.utf8.drop(while: { $0 <= 0x20 }) where byte != 0x09 && byte != 0x0A && byte != 0x0D {
            if byte >= 0x80 { return isSafeAsWritten(url) }
            start.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            if start.count == 20 { break }
        }
        for scheme in ["javascript:", "vbscript:", "file:"] where start.starts(with: scheme.utf8) {
            return false
        }
        if start.starts(with: "data:".utf8) {
            let allowed = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return allowed.contains { start.starts(with: $0.utf8) }
        }
        return true
    }

    private static func isSafeAsWritten(_ url: String) -> Bool {
        // Browsers ignore leading spaces and control characters and embedded tabs and newlines
        // in a scheme, so they are ignored here too before the scheme is compared.
        let trimmed = url.unicodeScalars.drop { $0.value <= 0x20 }
        let cleaned = String(String.UnicodeScalarView(trimmed.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
        let lowered = cleaned.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) {
            return false
        }
        if lowered.hasPrefix("data:") {
            let allowed = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return allowed.contains { lowered.hasPrefix($0) }
        }
        return true
    }
}
