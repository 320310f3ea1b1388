/// Stable `id`s for headings (cmark emits none), so a paragraph of a document can be linked.
/// The id is made from the heading's text: letters and digits of any script kept (lowercased),
/// runs of anything else become one hyphen; repeats get `-2`, `-3`, … in document order.
public struct HeadingAnchors {
    /// Ids the page uses around the body (a handful): a heading never takes one.
    private let reserved: Set<String>
    /// Ids given so far.
    private var used: Set<String> = []
    /// For each base id that repeats, the last number tried for it: the next repeat goes on
    /// from there, so 4,000 headings of one text take 4,000 tries in all, not eight million.
    private var lastNumber: [String: Int] = [:]

    /// `reserved` holds ids the page already uses around the rendered body.
    public init(reserved: Set<String> = []) {
        self.reserved = reserved
    }

    private func isTaken(_ id: String) -> Bool {
        used.contains(id) || reserved.contains(id)
    }

    public mutating func anchor(for text: String) -> String {
        anchor(base: Self.slug(text))
    }

    /// `base`, or `base-2`, `base-3`, … when it is taken; recorded as given.
    public mutating func anchor(base: String) -> String {
        var candidate = base
        if isTaken(candidate) {
            var number = lastNumber[base] ?? 1
            repeat {
                number += 1
                candidate = "\(base)-\(number)"
            } while isTaken(candidate)
            lastNumber[base] = number
        }
        used.insert(candidate)
        return candidate
    }

    public static func slug(_ text: String) -> String {
        slugOfSimpleScalars(text) ?? slugByCharacters(text.lowercased())
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
    /// skips grapheme breaking. Each scalar is lowercased and judged by `simpleScalars`, and
    /// the id is written as UTF-8 bytes. Nil for any other text, which takes the Character walk.
    static func slugOfSimpleScalars(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let keep: Bool
            var lowered: UInt32 = 0
            switch scalar.value {
            case 0..<0x500:
                let entry = simpleScalars[Int(scalar.value)]
                guard entry != notSimple else { return nil }
                lowered = entry >> 1
                keep = entry & 1 == 1
            case 0x2010...0x2027, 0x2030...0x205E:
                keep = false
            default:
                return nil
            }
            if keep {
                if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                if lowered < 0x80 {
                    result.append(UInt8(lowered))
                } else {
                    // Below U+0800: two bytes.
                    result.append(0xC0 | UInt8(lowered >> 6))
                    result.append(0x80 | UInt8(lowered & 0x3F))
                }
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
    }

    private static let notSimple = UInt32.max

    /// For each scalar below U+0500: its lowercase, shifted left one, with the low bit set when
    /// the lowercase is kept (a letter or a digit); `notSimple` when its lowercase is not one
    /// scalar of the kinds above. Made once, from the standard library's own lowercasing and
    /// properties, so it says what `lowercased()` and the Character walk would.
    private static let simpleScalars: [UInt32] = (0..<UInt32(0x500)).map { value in
        guard let scalar = Unicode.Scalar(value) else { return notSimple }
        let lowercase = String(scalar).lowercased().unicodeScalars
        guard lowercase.count == 1, let lowered = lowercase.first else { return notSimple }
        let keep: Bool
        switch lowered.value {
        case 0x30...0x39, 0x61...0x7A:
            keep = true
        case 0x00...0x7F where lowered.value != 0x0D:  // CR LF is one Character
            keep = false
        case 0x400...0x481, 0x48A...0x4FF:
            keep = true  // Cyrillic letters, each of them
        case 0xA0...0xFF, 0x482:
            keep = lowered.properties.isAlphabetic || lowered.properties.numericType != nil
        default:
            return notSimple
        }
        return lowered.value << 1 | (keep ? 1 : 0)
    }
}
