import Foundation

/// One language's feed fragments as a build made them (`FeedFragments`), kept beside the
/// output folder (`.public.plansite-fragments-en`) for the next build: each event's folder,
/// its reuse key, its VEVENT and its Atom entry, in the site's order.
///
/// A fragment is taken only under the same reuse key, which covers everything it is made from
/// (the event's folder, what every page shows, the options, the executable); so a store is
/// valid whatever became of the build that wrote it. A store of another version or language,
/// damaged or cut short is ignored: the file ends with a checksum of all before it.
///
/// Every build reads and writes it whole (tens of megabytes for a large site), so both are
/// done on raw bytes, without a copy or a string per entry.
struct FragmentStore {
    static let header = Array("plansite-fragments 1\n".utf8)

    struct Entry {
        let key: UInt64
        let calendar: Range<Int>
        let feed: Range<Int>
    }

    /// The file's bytes; entries point into them.
    let bytes: [UInt8]
    /// In the order the build that wrote them had the events.
    private let folders: [Range<Int>]
    private let positioned: [Entry]
    /// By folder, made only when a lookup by position misses (events added, removed or moved).
    private var byFolder: [String: Entry]?

    /// The entry for the event at `position` in this build's order, whose folder is `folder`:
    /// found at the same position when the events did not move, else by name.
    mutating func entry(at position: Int, folder: String) -> Entry? {
        if position < folders.count, bytes[folders[position]].elementsEqual(folder.utf8) { return positioned[position] }
        if byFolder == nil { byFolder = entries }
        return byFolder?[folder]
    }

    /// Every entry by folder.
    var entries: [String: Entry] {
        var named: [String: Entry] = [:]
        named.reserveCapacity(folders.count)
        for (index, range) in folders.enumerated() {
            named[String(decoding: bytes[range], as: UTF8.self)] = positioned[index]
        }
        return named
    }

    /// The store at `path` for `language`, or nil when there is none or it cannot be trusted.
    static func read(_ path: String, language: String) -> FragmentStore? {
        guard let bytes = PlainFile.readBytes(path), bytes.count >= header.count + 8, bytes.starts(with: header) else {
            return nil
        }
        let parsed = bytes.withUnsafeBytes { raw -> (folders: [Range<Int>], entries: [Entry])? in
            let end = raw.count - 8
            let checksum = WordHash.of(UnsafeRawBufferPointer(rebasing: raw[..<end]))
            guard raw.loadUnaligned(fromByteOffset: end, as: UInt64.self).littleEndian == checksum else { return nil }
            var reader = RawReader(raw: raw, offset: header.count, end: end)
            guard let named = reader.field(), raw[named].elementsEqual(language.utf8), let count = reader.uint32()
            else { return nil }
            var folders: [Range<Int>] = [], entries: [Entry] = []
            folders.reserveCapacity(Int(count))
            entries.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let folder = reader.field(), let key = reader.uint64(),
                    let calendar = reader.field(), let feed = reader.field()
                else { return nil }
                folders.append(folder)
                entries.append(Entry(key: key, calendar: calendar, feed: feed))
            }
            return reader.isAtEnd ? (folders, entries) : nil
        }
        guard let parsed else { return nil }
        return FragmentStore(bytes: bytes, folders: parsed.folders, positioned: parsed.entries)
    }

    /// Writes the store block by block, to a temporary file moved into place, so that a reader
    /// never sees half of one.
    static func write(_ path: String, language: String, entries: [FragmentEntry]) throws {
        let temporary = path + ".new"
        var file = try BlockFile(temporary)
        file.put(header)
        file.putField(Array(language.utf8))
        file.put(UInt32(entries.count))
        for entry in entries {
            var folder = entry.folder
            folder.withUTF8 { file.putField(UnsafeRawBufferPointer($0)) }
            file.put(entry.key)
            entry.calendar.withUnsafeBytes { file.putField($0) }
            entry.feed.withUnsafeBytes { file.putField($0) }
        }
        // A write that failed on the way is reported here, and the file removed.
        try file.finish()
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}

/// A file written through one buffer of a megabyte: each full block is hashed (`WordHash`, fed
/// block by block) and written, and the checksum ends the file. A store is never held whole twice.
private struct BlockFile {
    let path: String
    private let descriptor: Int32
    private let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
    private var filled = 0
    private var checksum = WordHash()
    private var failure: Error?

    init(_ path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            block.deallocate()
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    mutating func put(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes
        while !rest.isEmpty {
            let count = min(rest.count, block.count - filled)
            UnsafeMutableRawBufferPointer(rebasing: block[filled..<(filled + count)]).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: rest[..<count]))
            filled += count
            rest = UnsafeRawBufferPointer(rebasing: rest[count...])
            if filled == block.count { flush() }
        }
    }

    mutating func put(_ bytes: [UInt8]) { bytes.withUnsafeBytes { put($0) } }
    mutating func put(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { put($0) } }
    mutating func put(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { put($0) } }

    /// A length, then the bytes.
    mutating func putField(_ bytes: UnsafeRawBufferPointer) {
        put(UInt32(bytes.count))
        put(bytes)
    }

    mutating func putField(_ bytes: [UInt8]) { bytes.withUnsafeBytes { putField($0) } }

    private mutating func flush() {
        let written = UnsafeRawBufferPointer(rebasing: block[..<filled])
        checksum.add(written)
        if failure == nil {
            do { try PlainFile.write(written, to: descriptor, path: path) } catch { failure = error }
        }
        filled = 0
    }

    /// Writes what is left and the checksum, and closes the file.
    mutating func finish() throws {
        if filled > 0 { flush() }
        block.deallocate()
        let sum = checksum.value.littleEndian
        if failure == nil {
            do { try withUnsafeBytes(of: sum) { try PlainFile.write($0, to: descriptor, path: path) } } catch {
                failure = error
            }
        }
        let closed = close(descriptor) == 0
        if let failure { unlink(path); throw failure }
        if !closed { unlink(path); throw CocoaError(.fileWriteUnknown) }
    }

}

/// Reads what `BlockFile` wrote, checking every length against the bytes left.
private struct RawReader {
    let raw: UnsafeRawBufferPointer
    var offset: Int
    let end: Int

    var isAtEnd: Bool { offset == end }

    mutating func uint32() -> UInt32? {
        guard end - offset >= 4 else { return nil }
        defer { offset += 4 }
        return raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
    }

    mutating func uint64() -> UInt64? {
        guard end - offset >= 8 else { return nil }
        defer { offset += 8 }
        return raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
    }

    /// A length, then that many bytes: their range.
    mutating func field() -> Range<Int>? {
        guard let count = uint32().map(Int.init), end - offset >= count else { return nil }
        defer { offset += count }
        return offset..<(offset + count)
    }
}
