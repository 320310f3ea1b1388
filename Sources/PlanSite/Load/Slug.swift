/// The rule for item folder names (CONTENT.md: `[a-z0-9-]+`); hyphens only between words,
/// so every slug is also a clean URL segment.
enum Slug {
    static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("-"), !name.hasSuffix("-"), !name.contains("--") else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static let rule = "lowercase letters a-z, digits and single hyphens between them"
}
