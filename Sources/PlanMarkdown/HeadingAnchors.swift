/// Stable `id`s for headings (cmark emits none), so a paragraph of a document can be linked.
/// The id is made from the heading's text: letters and digits of any script kept (lowercased),
/// runs of anything else become one hyphen; repeats get `-2`, `-3`, … in document order.
public struct HeadingAnchors {
    private var used: Set<String>

    /// `reserved` holds ids the page already uses around the rendered body.
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func anchor(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var number = 1
        while used.contains(candidate) {
            number += 1
            candidate = "\(base)-\(number)"
        }
        used.insert(candidate)
        return candidate
    }

    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "section" : result
    }
}
