import Foundation

/// A file's size as the reader's language writes it, through ICU: "1.2 MB", "1,2 МБ".
/// Decimal units (1 MB = 1,000,000 bytes), as the file managers of every system show them.
/// Beside the dates' and numbers' formatting (`DateFormatting`): together they are
/// the one place that formats for a reader.
public enum ByteCountText {
    public static func format(_ bytes: Int, localeIdentifier: String) -> String {
        // "0 bytes", not ICU's "Zero kB".
        let style = ByteCountFormatStyle(style: .file, spellsOutZero: false)
        let text = Int64(bytes).formatted(style.locale(Locale(identifier: localeIdentifier)))
        return corrected(text, localeIdentifier: localeIdentifier)
    }

    /// CLDR's Kazakh megabyte is written with a Latin "M" before the Cyrillic "Б" (its
    /// kilobyte "кБ" and gigabyte "ГБ" are all Cyrillic): a reader sees no difference, but a
    /// screen reader or a search does. The Cyrillic "М" is put in its place.
    private static func corrected(_ text: String, localeIdentifier: String) -> String {
        guard localeIdentifier.hasPrefix("kk") else { return text }
        return text.replacingOccurrences(of: "M\u{0411}", with: "\u{041C}\u{0411}")
    }
}
