import Foundation

/// The project's one hash (not for security): FNV-1a over 64-bit little-endian words, then the
/// last bytes one by one. Stable across runs and machines, and eight times fewer steps than
/// byte-wise FNV over the megabytes of a large site's pages, manifest and load cache. Fed piece
/// by piece (the load cache is hashed as it is written out); the pieces' boundaries do not
/// change the value. Asset names, recorded translations, the build memory's keys and checksums
/// all come from it.
struct WordHash {
    private static let prime: UInt64 = 0x0000_0100_0000_01B3
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Bytes that do not yet make a whole word, the first in the lowest byte.
    private var pending: UInt64 = 0
    private var pendingCount = 0

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        var index = 0
        // A word begun by the previous piece is finished first.
        while pendingCount > 0 && index < raw.count {
            pending |= UInt64(raw[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
            if pendingCount == 8 {
                state = (state ^ pending) &* Self.prime
                pending = 0
                pendingCount = 0
            }
        }
        var hash = state
        while raw.count - index >= 8 {
            hash ^= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian
            hash = hash &* Self.prime
            index += 8
        }
        state = hash
        while index < raw.count {
            pending |= UInt64(raw[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
        }
    }

    var value: UInt64 {
        var hash = state
        for index in 0..<pendingCount {
            hash ^= (pending >> (8 * UInt64(index))) & 0xFF
            hash = hash &* Self.prime
        }
        return hash
    }

    static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash = WordHash()
        hash.add(raw)
        return hash.value
    }

    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { of($0) }
    }

    /// Adds a digest as its eight little-endian bytes: digests chained into one.
    mutating func add(_ digest: UInt64) {
        withUnsafeBytes(of: digest.littleEndian) { add($0) }
    }

    /// Adds a text's UTF-8 bytes, then its length: texts chained into one stay apart.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt64(text.utf8.count))
    }

    /// The value as 16 hexadecimal digits (asset names, recorded translations).
    static func hex(_ data: Data) -> String {
        let digits = String(of(data), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
