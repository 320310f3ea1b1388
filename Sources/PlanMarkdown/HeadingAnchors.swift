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
        let lowered = text.lowercased()
        return slugOfSimpleScalars(lowered) ?? slugByCharacters(lowered)
    }

    /// The rule itself, Character by Character, on lowercased text.
    static func slugByCharacters(_ lowered: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in lowered {
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

    /// `slug` scalar by scalar, for text where each scalar is a character of its own (ASCII,
    /// Latin-1, Cyrillic without its combining marks, general punctuation): there
    /// `Character.isLetter` and `isNumber` are the scalar's own properties, and walking scalars
    /// skips grapheme breaking. Nil for any other text, which takes the Character walk.
    private static func slugOfSimpleScalars(_ lowered: String) -> String? {
        var result = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in lowered.unicodeScalars {
            let keep: Bool
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A:
                keep = true
            case 0x00...0x7F where scalar.value != 0x0D:
                keep = false
            case 0x400...0x481, 0x48A...0x4FF:
                keep = true  // Cyrillic letters, each of them (the Russian and Kazakh headings)
            case 0xA0...0xFF, 0x482:
                keep = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            case 0x2010...0x2027, 0x2030...0x205E:
                keep = false
            default:
                return nil
            }
            if keep {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "section" : String(result)
    }
}
