/// Tests on eight bytes at once (one 64-bit word), for the escaping loops: a page's or a
/// calendar's text is mostly long runs of bytes that need nothing, which a word at a time
/// crosses in an eighth of the steps. A test is exact for the word as a whole: it tells
/// whether some byte matches, not which one (the byte loop after it finds that).
public enum WordScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `word` is `byte`.
    @inline(__always)
    public static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let spread = word ^ (ones &* UInt64(byte))
        return (spread &- ones) & ~spread & highBits
    }

    /// Non-zero when some byte of `word` is less than `bound` (at most 128).
    @inline(__always)
    public static func matchesLess(_ word: UInt64, than bound: UInt8) -> UInt64 {
        (word &- ones &* UInt64(bound)) & ~word & highBits
    }

    /// The index of the first byte from `start` for which `isWanted` holds, or `bytes.count`.
    /// Whole words for which `words` is zero are crossed eight bytes at a time; `words` must be
    /// non-zero for every word that holds a wanted byte.
    @inline(__always)
    public static func firstIndex(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        words: (UInt64) -> UInt64, where isWanted: (UInt8) -> Bool
    ) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while index < bytes.count {
            while index &+ 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                if words(word) != 0 { break }
                index &+= 8
            }
            // The word that holds one, or the last few bytes: byte by byte.
            let end = min(index &+ 8, bytes.count)
            while index < end {
                if isWanted(base[index]) { return index }
                index &+= 1
            }
        }
        return bytes.count
    }

    /// Appends `utf8` to `out`, each byte `isWanted` picks (found as `firstIndex` finds it) given
    /// to `replace`, which appends what stands for it and returns how many bytes it stood for
    /// (0: none, the byte is kept as it is). The runs between are copied whole. The escaping of
    /// HTML, iCalendar TEXT and JSON-LD.
    @inline(__always)
    public static func appendReplacing(
        _ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8],
        words: (UInt64) -> UInt64, where isWanted: (UInt8) -> Bool,
        replace: (Int, inout [UInt8]) -> Int
    ) {
        var runStart = 0
        var index = 0
        while true {
            index = firstIndex(in: utf8, from: index, words: words, where: isWanted)
            guard index < utf8.count else { break }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            let replaced = replace(index, &out)
            runStart = replaced == 0 ? index : index + replaced
            index += max(replaced, 1)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
}
