import Foundation

/// FNV-1a, 64 bits: a fast, stable content hash for asset file names and for the
/// `sourceHash` a translation records (not for security).
public enum ContentHash {
    public static func hex(_ data: Data) -> String {
        var hash = FNV1a()
        data.withUnsafeBytes { hash.add($0) }
        let digits = String(hash.value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// FNV-1a over bytes, fed piece by piece (the load cache is hashed as it is written out).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = hash
    }
}
