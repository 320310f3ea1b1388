import Foundation

/// `sourceHash` in a translation's front matter (a PlanSite extension, CONTENT.md): the
/// version of the source-language file the translation was made from, as
/// `plansite status --mark-current` writes it.
enum SourceHash {
    static let key = "sourceHash"
    /// Hex digits kept from the file's FNV-1a hash: short to read, long enough to tell versions apart.
    static let length = 12

    static func of(_ bytes: Data) -> String {
        String(WordHash.hex(bytes).prefix(length))
    }

    static func isWellFormed(_ text: String) -> Bool {
        text.count == length && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}

extension FieldReader {
    /// The recorded `sourceHash`, checked for shape; nil when absent or malformed (reported).
    func sourceHash(log: inout DiagnosticLog) -> String? {
        guard let value = optional(SourceHash.key), let text = value.string(SourceHash.key, log: &log) else {
            return nil
        }
        guard SourceHash.isWellFormed(text) else {
            log.error(
                value.location,
                "'\(SourceHash.key)' must be \(SourceHash.length) hex digits (0-9, a-f), "
                    + "as `plansite status --mark-current` writes it, not '\(text)'"
            )
            return nil
        }
        return text
    }
}
