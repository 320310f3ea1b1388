import Foundation

/// One language's feed fragments as a build made them (`FeedFragments`), kept beside the
/// output folder (`.public.plansite-fragments-en`) for the next build: each event's folder,
/// its reuse key, its VEVENT and its Atom entry.
///
/// A fragment is taken only under the same reuse key, which covers everything it is made from
/// (the event's folder, what every page shows, the options, the executable); so a store is
/// valid whatever became of the build that wrote it. A store of another version or language,
/// damaged or cut short is ignored: the file ends with a checksum of all before it.
struct FragmentStore {
    static let header = Array("plansite-fragments 1\n".utf8)

    struct Entry {
        let key: UInt64
        let calendar: Range<Int>
        let feed: Range<Int>
    }

    /// The file's bytes; entries point into them.
    let bytes: [UInt8]
    let entries: [String: Entry]

    /// The store at `path` for `language`, or nil when there is none or it cannot be trusted.
    static func read(_ path: String, language: String) -> FragmentStore? {
        guard let bytes = PlainFile.readBytes(path), bytes.count >= header.count + 8,
              bytes.starts(with: header) else { return nil }
        let end = bytes.count - 8
        var hash = BlockChecksum()
        bytes.withUnsafeBytes { raw in
            for start in stride(from: 0, to: end, by: BlockChecksum.blockSize) {
                hash.add(UnsafeRawBufferPointer(rebasing: raw[start..<min(end, start + BlockChecksum.blockSize)]))
            }
        }
        var reader = FixedWidthReader(bytes: bytes, offset: end, end: bytes.count)
        guard let stored = reader.uint64(), stored == hash.value else { return nil }
        reader = FixedWidthReader(bytes: bytes, offset: header.count, end: end)
        guard let named = reader.field(), String(decoding: named, as: UTF8.self) == language,
              let count = reader.uint32() else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let folder = reader.field(), let key = reader.uint64(),
                  let calendar = reader.range(), let feed = reader.range() else { return nil }
            entries[String(decoding: folder, as: UTF8.self)] = Entry(key: key, calendar: calendar, feed: feed)
        }
        guard reader.isAtEnd else { return nil }
        return FragmentStore(bytes: bytes, entries: entries)
    }

    /// Writes the store in blocks (a large site's is tens of megabytes), to a temporary file
    /// moved into place, so a reader never sees half of one.
    static func write(_ path: String, language: String,
                      entries: [(folder: String, key: UInt64, calendar: ArraySlice<UInt8>, feed: ArraySlice<UInt8>)]) throws {
        let temporary = path + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        var closed = false
        defer { if !closed { close(descriptor); unlink(temporary) } }
        var piece: [UInt8] = []
        piece.reserveCapacity(2 * BlockChecksum.blockSize)
        var hash = BlockChecksum()
        // Whole blocks are written as they fill, each hashed as the reader will hash it.
        func flush(_ count: Int) throws {
            try piece.withUnsafeBytes { raw in
                let block = UnsafeRawBufferPointer(rebasing: raw[..<count])
                hash.add(block)
                try PlainFile.write(block, to: descriptor, path: temporary)
            }
            piece.removeFirst(count)
        }
        func append<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
            piece.append(contentsOf: bytes)
            while piece.count >= BlockChecksum.blockSize { try flush(BlockChecksum.blockSize) }
        }
        func appendLength(_ count: Int) throws { try append(FixedWidth.uint32(UInt32(count))) }
        try append(header)
        let name = Array(language.utf8)
        try appendLength(name.count)
        try append(name)
        try appendLength(entries.count)
        for entry in entries {
            let folder = Array(entry.folder.utf8)
            try appendLength(folder.count)
            try append(folder)
            try append(FixedWidth.uint64(entry.key))
            try appendLength(entry.calendar.count)
            try append(entry.calendar)
            try appendLength(entry.feed.count)
            try append(entry.feed)
        }
        try flush(piece.count)
        try PlainFile.write(FixedWidth.uint64(hash.value).withUnsafeBytes { Data($0) }, to: descriptor, path: temporary)
        closed = true
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}

/// A checksum of a file in blocks of one megabyte: each block hashed a word at a time
/// (`BuildManifest.hash`), the blocks' hashes folded by FNV-1a. The store is written and
/// checked block by block, never held whole twice.
struct BlockChecksum {
    static let blockSize = 1 << 20
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ block: UnsafeRawBufferPointer) {
        value = (value ^ BuildManifest.hash(block)) &* 0x0000_0100_0000_01B3
    }
}

/// Little-endian integers of a fixed width: a store's lengths and keys.
enum FixedWidth {
    static func uint32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    static func uint64(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
}

/// Reads what `FragmentStore.write` wrote, checking every length against the bytes left.
private struct FixedWidthReader {
    let bytes: [UInt8]
    var offset: Int
    let end: Int

    var isAtEnd: Bool { offset == end }

    mutating func uint32() -> UInt32? {
        guard end - offset >= 4 else { return nil }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        offset += 4
        return value
    }

    mutating func uint64() -> UInt64? {
        guard end - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    /// A length, then that many bytes: their range.
    mutating func range() -> Range<Int>? {
        guard let count = uint32().map(Int.init), end - offset >= count else { return nil }
        defer { offset += count }
        return offset..<(offset + count)
    }

    /// A length, then that many bytes.
    mutating func field() -> ArraySlice<UInt8>? {
        range().map { bytes[$0] }
    }
}
