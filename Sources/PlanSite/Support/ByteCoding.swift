import Foundation

/// A compact binary form for caches: integers in 7-bit groups (small numbers take one byte),
/// keys as 8 little-endian bytes, strings as a length and their UTF-8 bytes. Written and read
/// by the same version of PlanSite only (the cache names its version); the reader still checks
/// every length, so a damaged file fails cleanly.
struct ByteWriter {
    /// An array rather than `Data`: appending a byte or a string's bytes to it is a copy and
    /// nothing more, and the load cache and the manifest append millions of them.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: Int) {
        // Zigzag, so that small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func write(_ value: String) {
        write(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// Bytes already encoded (a header, an entry of a cache read earlier), copied as they are.
    mutating func append(encoded: some Collection<UInt8>) {
        bytes.append(contentsOf: encoded)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }
}

struct ByteReader {
    struct Malformed: Error {}

    private let bytes: ArraySlice<UInt8>
    private var offset: Int

    init(_ data: Data) { self.init(Array(data)[...]) }

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    var isAtEnd: Bool { offset == bytes.endIndex }

    /// Where the next read begins, as an index of the bytes given.
    var position: Int { offset }

    /// The next `count` bytes, as they are: a part read later, or checked before it is decoded.
    mutating func readBytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.endIndex - offset else { throw Malformed() }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func readUInt64() throws -> UInt64 {
        guard bytes.endIndex - offset >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    mutating func readInt() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    /// A count of items to come: never more than the bytes left could hold.
    mutating func readCount() throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.endIndex - offset else { throw Malformed() }
        return count
    }

    mutating func readBool() throws -> Bool {
        guard offset < bytes.endIndex, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func readString() throws -> String {
        try Self.string(try readBytes(try readCount()))
    }

    /// `utf8` as a string; throws when it is not valid UTF-8.
    static func string(_ utf8: ArraySlice<UInt8>) throws -> String {
        // On a buffer pointer: the generic `validating:` over a slice was not specialised, and
        // looking up its generic metadata cost as much as checking the bytes.
        let text = utf8.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        guard let text else { throw Malformed() }
        return text
    }

    mutating func readOptionalString() throws -> String? {
        try readBool() ? try readString() : nil
    }

    mutating func readOptionalInt() throws -> Int? {
        try readBool() ? try readInt() : nil
    }
}
