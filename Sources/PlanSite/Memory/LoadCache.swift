import Foundation

/// The events of the previous build as they were loaded, kept beside the output folder
/// (`.NAME.plansite-cache`), so that a rebuild after an edit reads and parses only the event
/// folders that changed.
///
/// Each event is stored under its folder with the key of everything its loading depends on:
/// its own files (path, size, modification time), and site.yaml, the areas and the rest of
/// the content (`InputFingerprint.reuseKey(forEventFolders:)`). A different key is a miss.
/// The file names its format version, the PlanSite executable and the content folder and ends
/// with a checksum; a cache that does not match all four, or cannot be read whole, is ignored: the events are
/// loaded from their files, as in a first build.
///
/// Reading a cache only checks it and finds where each entry lies; an entry is decoded when
/// its folder asks for it, on the loading threads. An entry taken unchanged is written to the
/// next cache from the bytes it was read from, so that a rebuild after an edit encodes only
/// the events that changed (the old file's bytes are held until then).
struct LoadCache: Sendable {
    static let header = "plansite-cache 4"

    struct Entry: Sendable {
        let key: UInt64
        let event: Event
        /// Warnings the event's files gave when loaded, reported again on every build.
        let warnings: [Diagnostic]
        /// The whole entry as the cache it was read from holds it, when it was taken from one:
        /// a slice of that cache's bytes, written out again as it is.
        var encoded: ArraySlice<UInt8>? = nil
    }

    /// An entry of a cache file, not decoded yet.
    private struct Stored: Sendable {
        let key: UInt64
        /// The whole entry: its folder, its key, then its record.
        let entry: ArraySlice<UInt8>
        /// The event and its warnings (`LoadCache+Coding`).
        let record: ArraySlice<UInt8>
    }

    /// Entries held decoded: those of the cache a load makes, to be written.
    private(set) var entries: [String: Entry] = [:]
    /// Entries of the cache file read, each decoded when asked for.
    private var stored: [String: Stored] = [:]
    /// The content folder the cache file was read for: the paths of its events are made from it.
    private var tree: ContentTree? = nil

    init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The cache of a load: every event with the key of its folder; an event taken from a cache
    /// keeps the bytes it was read from, to be written out again as they are.
    init(remembering events: [LoadedEvent], key: (String) -> UInt64?) {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(events.count)
        for loaded in events {
            switch loaded {
            case .remembered(let kept):
                entries[kept.entry.event.folder] = kept.entry
            case .read(let event, let warnings):
                guard let key = key(event.folder), Self.canStore(event) else { continue }
                entries[event.folder] = Entry(key: key, event: event, warnings: warnings)
            }
        }
        self.init(entries: entries)
    }

    /// How many events the cache has, decoded or not.
    var count: Int { entries.count + stored.count }

    /// The cached event of `folder`, if it was loaded from the same inputs. An entry of a cache
    /// file that cannot be decoded is a miss (the checksum makes that a hand-made file).
    func event(in folder: String, key: UInt64?) -> Entry? {
        guard let key else { return nil }
        if let entry = entries[folder] { return entry.key == key ? entry : nil }
        guard let found = stored[folder], found.key == key, let tree else { return nil }
        var reader = ByteReader(found.record)
        guard let (event, warnings) = try? Self.readRecord(&reader, tree: tree), reader.isAtEnd, event.folder == folder
        else { return nil }
        return Entry(key: key, event: event, warnings: warnings, encoded: found.entry)
    }

    /// What the cache file must start with for this executable and content folder.
    static func identity(of tree: ContentTree) -> String {
        var identity = header + "\n" + tree.rootPath + "\n" + tree.displayRoot + "\n"
        if let url = Bundle.main.executableURL, let stamp = FileStamp.of(url) {
            identity += "plansite \(stamp.size) \(stamp.modified).\(stamp.modifiedNanoseconds)\n"
        }
        return identity
    }

    /// Writes the cache to `url` in pieces of about a megabyte, hashing them as they go: at
    /// 100,000 events the cache is hundreds of megabytes, never held whole. Written beside and
    /// renamed, so a reader never sees half of it.
    func write(to url: URL, identity: String) throws {
        let temporary = url.path + ".partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PlainFile.WriteFailure(path: temporary, code: errno) }
        do {
            try encode(identity: identity) { bytes in
                try bytes.withUnsafeBytes { try PlainFile.write($0, to: descriptor, path: temporary) }
            }
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else { throw PlainFile.WriteFailure(path: url.path, code: errno) }
    }

    /// The whole cache in memory (tests).
    func serialized(identity: String) -> Data {
        var data = Data()
        try? encode(identity: identity) { data.append(contentsOf: $0) }
        return data
    }

    /// The held entries' bytes (a cache a load made), handed to `output` piece by piece, the
    /// checksum last: the identity,
    /// the number of entries, then each entry (its folder, its key, and its record after its
    /// length), by folder.
    private func encode(identity: String, to output: ([UInt8]) throws -> Void) throws {
        var checksum = WordHash()
        let piece = 1 << 20
        var writer = ByteWriter(capacity: piece + piece / 4)
        func flush() throws {
            writer.bytes.withUnsafeBytes { checksum.add($0) }
            try output(writer.bytes)
            writer.removeAll()
        }
        // Sorting the folders alone: a copy of every entry would be tens of megabytes at
        // 100,000 events.
        let folders = entries.keys.sorted()
        writer.write(identity)
        writer.write(folders.count)
        var record = ByteWriter()
        for folder in folders {
            let entry = entries[folder]!
            if let encoded = entry.encoded {
                writer.append(encoded: encoded)
            } else {
                writer.write(folder)
                writer.write(entry.key)
                record.removeAll()
                Self.writeRecord(entry.event, warnings: entry.warnings, to: &record)
                writer.write(record.bytes.count)
                writer.append(encoded: record.bytes)
            }
            if writer.bytes.count > piece { try flush() }
        }
        try flush()
        // A checksum of all that, so that a damaged file is never taken for a cache.
        writer.write(checksum.value)
        try output(writer.bytes)
    }

    /// The cache in `bytes`; empty when it is not one this executable wrote for this content.
    /// Paths are made again from `tree`, the content folder the identity names. Only the
    /// entries' places are found here; each is decoded when asked for (`event(in:key:)`).
    static func read(_ bytes: [UInt8]?, identity: String, tree: ContentTree) -> LoadCache {
        guard let bytes, bytes.count > 8 else { return LoadCache() }
        let payload = bytes[..<(bytes.count - 8)]
        var expected = ByteReader(bytes[payload.endIndex...])
        guard (try? expected.readUInt64()) == payload.withUnsafeBytes({ WordHash.of($0) }) else { return LoadCache() }
        var reader = ByteReader(payload)
        do {
            guard try reader.readString() == identity else { return LoadCache() }
            let count = try reader.readCount()
            var stored: [String: Stored] = .init(minimumCapacity: count)
            for _ in 0..<count {
                let start = reader.position
                let folder = try reader.readString()
                let key = try reader.readUInt64()
                let record = try reader.readBytes(try reader.readCount())
                let entry = Stored(key: key, entry: payload[start..<reader.position], record: record)
                guard stored.updateValue(entry, forKey: folder) == nil else { return LoadCache() }
            }
            guard reader.isAtEnd else { return LoadCache() }
            var cache = LoadCache()
            cache.stored = stored
            cache.tree = tree
            return cache
        } catch {
            return LoadCache()
        }
    }

    /// Decodes stored entries ahead of the load, until `keepGoing` says to stop: the reader of
    /// the previous build does this on a core the input listing leaves idle (`PreviousBuildReader`).
    /// A decoded entry still answers only to its own key.
    mutating func decodeAhead(while keepGoing: () -> Bool) {
        guard let tree else { return }
        for (folder, found) in stored {
            guard keepGoing() else { return }
            var reader = ByteReader(found.record)
            stored[folder] = nil
            guard let (event, warnings) = try? Self.readRecord(&reader, tree: tree), reader.isAtEnd,
                event.folder == folder
            else { continue }
            entries[folder] = Entry(key: found.key, event: event, warnings: warnings, encoded: found.entry)
        }
    }

    /// Whether `event` can be cached: every text's body is read again from its file.
    static func canStore(_ event: Event) -> Bool {
        event.texts.values.allSatisfy { $0.body.file != nil }
    }
}
