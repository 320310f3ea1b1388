import Foundation
import PlanMarkdown

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
struct LoadCache: Sendable {
    static let header = "plansite-cache 1"

    struct Entry: Sendable {
        let key: UInt64
        let event: Event
        /// Warnings the event's files gave when loaded, reported again on every build.
        let warnings: [Diagnostic]
    }

    private(set) var entries: [String: Entry] = [:]

    init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The cached event of `folder`, if it was loaded from the same inputs.
    func event(in folder: String, key: UInt64?) -> Entry? {
        guard let key, let entry = entries[folder], entry.key == key else { return nil }
        return entry
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
            try encode(identity: identity) { try PlainFile.write($0, to: descriptor, path: temporary) }
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
        try? encode(identity: identity) { data.append($0) }
        return data
    }

    /// The cache's bytes, handed to `output` piece by piece, the checksum last.
    private func encode(identity: String, to output: (Data) throws -> Void) throws {
        var checksum = FNV1a()
        var writer = ByteWriter()
        func flush() throws {
            writer.data.withUnsafeBytes { checksum.add($0) }
            try output(writer.data)
            writer = ByteWriter()
        }
        writer.write(identity)
        writer.write(entries.count)
        for folder in entries.keys.sorted() {
            let entry = entries[folder]!
            writer.write(folder)
            writer.write(entry.key)
            Self.write(entry.event, to: &writer)
            writer.write(entry.warnings.count)
            for warning in entry.warnings {
                writer.write(warning.location.path)
                writer.write(warning.location.line)
                writer.write(warning.location.column)
                writer.write(warning.message)
            }
            if writer.data.count > 1 << 20 { try flush() }
        }
        try flush()
        // A checksum of all that, so that a damaged file is never taken for a cache.
        writer.write(checksum.value)
        try output(writer.data)
    }

    /// The cache in `bytes`; empty when it is not one this executable wrote for this content.
    /// Paths are made again from `tree`, the content folder the identity names.
    static func read(_ bytes: [UInt8]?, identity: String, tree: ContentTree) -> LoadCache {
        guard let bytes, bytes.count > 8 else { return LoadCache() }
        let payload = bytes[..<(bytes.count - 8)]
        var expected = ByteReader(bytes[(bytes.count - 8)...])
        var checksum = FNV1a()
        payload.withUnsafeBytes { checksum.add($0) }
        guard (try? expected.readUInt64()) == checksum.value else { return LoadCache() }
        var reader = ByteReader(payload)
        do {
            guard try reader.readString() == identity else { return LoadCache() }
            var entries: [String: Entry] = [:]
            for _ in 0..<(try reader.readCount()) {
                let folder = try reader.readString()
                let key = try reader.readUInt64()
                let event = try readEvent(&reader, tree: tree)
                var warnings: [Diagnostic] = []
                for _ in 0..<(try reader.readCount()) {
                    let location = SourceLocation(path: try reader.readString(), line: try reader.readInt(), column: try reader.readInt())
                    warnings.append(Diagnostic(.warning, at: location, try reader.readString()))
                }
                entries[folder] = Entry(key: key, event: event, warnings: warnings)
            }
            return reader.isAtEnd ? LoadCache(entries: entries) : LoadCache()
        } catch {
            return LoadCache()
        }
    }

    /// Whether `event` can be cached: every text's body is read again from its file.
    static func canStore(_ event: Event) -> Bool {
        event.texts.values.allSatisfy { $0.body.file != nil }
    }

    private static func write(_ time: EventTime, to writer: inout ByteWriter) {
        writer.write(time.date.year)
        writer.write(time.date.month)
        writer.write(time.date.day)
        writer.write(time.minuteOfDay)
    }

    private static func readTime(_ reader: inout ByteReader) throws -> EventTime {
        let date = CalendarDate(year: try reader.readInt(), month: try reader.readInt(), day: try reader.readInt())
        return EventTime(date: date, minuteOfDay: try reader.readOptionalInt())
    }

    private static func write(_ event: Event, to writer: inout ByteWriter) {
        writer.write(event.slug)
        writer.write(event.folder)
        write(event.start, to: &writer)
        writer.write(event.end != nil)
        if let end = event.end { write(end, to: &writer) }
        writer.write(event.timezone.identifier)
        writer.write(event.area)
        writer.write(event.status.rawValue)
        writer.write(event.format?.rawValue)
        writer.write(event.organizers.count)
        event.organizers.forEach { writer.write($0) }
        writer.write(event.draft)
        writer.write(event.updated != nil)
        if let updated = event.updated { write(updated, to: &writer) }
        writer.write(event.sequence)
        writer.write(event.texts.count)
        for code in event.texts.keys.sorted() {
            let text = event.texts[code]!
            writer.write(code)
            writer.write(text.title)
            writer.write(text.location)
            writer.write(text.summary)
            // The file's path, its path as shown and the text's source are those of the
            // folder's `CODE.md`, made again from the tree when read.
            writer.write(text.source.sourceHash)
            writer.write(text.body.firstParagraph)
            writer.write(text.body.links.count)
            for link in text.body.links {
                writer.write(link.url)
                writer.write(link.position.line)
                writer.write(link.position.column)
            }
            let file = text.body.file!
            writer.write(Int(file.stamp.size))
            writer.write(Int(file.stamp.modified))
            writer.write(Int(file.stamp.modifiedNanoseconds))
        }
    }

    private static func readEvent(_ reader: inout ByteReader, tree: ContentTree) throws -> Event {
        let slug = try reader.readString(), folder = try reader.readString()
        let start = try readTime(&reader)
        let end = try reader.readBool() ? try readTime(&reader) : nil
        guard let timezone = TimeZone(identifier: try reader.readString()) else { throw ByteReader.Malformed() }
        let area = try reader.readOptionalString()
        guard let status = EventStatus(rawValue: try reader.readString()) else { throw ByteReader.Malformed() }
        let format = try reader.readOptionalString().map { raw -> EventFormat in
            guard let format = EventFormat(rawValue: raw) else { throw ByteReader.Malformed() }
            return format
        }
        var organizers: [String] = []
        for _ in 0..<(try reader.readCount()) { organizers.append(try reader.readString()) }
        let draft = try reader.readBool()
        let updated = try reader.readBool() ? try readTime(&reader) : nil
        let sequence = try reader.readInt()
        var texts: [String: EventText] = [:]
        for _ in 0..<(try reader.readCount()) {
            let code = try reader.readString()
            let title = try reader.readString(), location = try reader.readOptionalString(), summary = try reader.readOptionalString()
            let relative = folder + "/" + code + ".md"
            let source = TextSource(path: tree.display(relative), folder: folder, sourceHash: try reader.readOptionalString())
            let firstParagraph = try reader.readOptionalString()
            var links: [(url: String, position: SourcePosition)] = []
            for _ in 0..<(try reader.readCount()) {
                let url = try reader.readString()
                links.append((url, SourcePosition(line: try reader.readInt(), column: try reader.readInt())))
            }
            let stamp = FileStamp(size: Int64(try reader.readInt()), modified: Int64(try reader.readInt()),
                                  modifiedNanoseconds: Int64(try reader.readInt()))
            let body = Body(links: links, firstParagraph: firstParagraph, file: tree.url(relative),
                            displayPath: source.path, stamp: stamp)
            texts[code] = EventText(title: title, location: location, summary: summary, body: body, source: source)
        }
        var event = Event(slug: slug, folder: folder, start: start, end: end, timezone: timezone, area: area, status: status,
                          format: format, organizers: organizers, draft: draft, texts: texts)
        event.updated = updated
        event.sequence = sequence
        return event
    }
}
