/// The rule cmark applies in safe mode (`_scan_dangerous_url`): script-capable schemes are
/// dropped; `data:` only for raster images.
public enum URLSafety {
    public static func isSafe(_ url: String) -> Bool {
        // A scheme starts with an ASCII letter: a link whose first significant byte is not one
        // (`/documents/plan`, `../areas`, `#top`) has none, and most links are such.
        if let first = url.utf8.first(where: { $0 > 0x20 }), !((first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z")) {
            return true
        }
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
