import Foundation
import XCTest
@testable import PlanSite

/// The events a build loaded are kept beside the output; the next build takes the unchanged
/// ones from there. Output built from the cache must be what a clean build makes, and a damaged
/// or foreign cache must never be trusted.
final class LoadCacheTests: SmallSiteTestCase {

    private func folderBytes(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in TemporaryFolder.list(root) { files[file] = try Data(contentsOf: root.appendingPathComponent(file)) }
        return files
    }

    private var cacheFile: URL { output.url.appendingPathComponent(".public.plansite-cache") }

    func testIntegersAndStringsRoundTrip() throws {
        var writer = ByteWriter()
        let numbers = [0, 1, -1, 63, -64, 127, 128, 300, -300, Int.max, Int.min]
        numbers.forEach { writer.write($0) }
        writer.write("Қазақ тілі, ru: Русский")
        writer.write(nil as String?)
        writer.write(UInt64.max)
        var reader = ByteReader(writer.bytes[...])
        XCTAssertEqual(try numbers.map { _ in try reader.readInt() }, numbers)
        XCTAssertEqual(try reader.readString(), "Қазақ тілі, ru: Русский")
        XCTAssertNil(try reader.readOptionalString())
        XCTAssertEqual(try reader.readUInt64(), UInt64.max)
        XCTAssertTrue(reader.isAtEnd)
        // Cut short anywhere, it fails cleanly.
        for length in 0..<writer.bytes.count {
            var short = ByteReader(writer.bytes.prefix(length))
            XCTAssertThrowsError(
                try {
                    for _ in numbers { _ = try short.readInt() }
                    _ = try short.readString()
                    _ = try short.readOptionalString()
                    _ = try short.readUInt64()
                }())
        }
    }

    func testEventsRoundTripThroughTheCache() throws {
        let tree = ContentTree(root: content.url)
        let (loaded, cache) = LoadCacheMemory.load(content.url, cache: LoadCache(), keys: { _ in 42 })
        let site = try loaded.get()
        XCTAssertEqual(cache.entries.count, site.events.count)
        XCTAssertEqual(cache.count, site.events.count)
        let identity = LoadCache.identity(of: tree)
        let read = LoadCache.read(Array(cache.serialized(identity: identity)), identity: identity, tree: tree)
        for event in site.events {
            let cached = try XCTUnwrap(read.event(in: event.folder, key: 42)?.event, event.slug)
            XCTAssertNil(read.event(in: event.folder, key: 43))
            XCTAssertEqual(cached.slug, event.slug)
            XCTAssertEqual(cached.start, event.start)
            XCTAssertEqual(cached.end, event.end)
            XCTAssertEqual(cached.timezone, event.timezone)
            XCTAssertEqual(cached.area, event.area)
            XCTAssertEqual(cached.status, event.status)
            XCTAssertEqual(cached.format, event.format)
            XCTAssertEqual(cached.organizers, event.organizers)
            XCTAssertEqual(cached.draft, event.draft)
            XCTAssertEqual(cached.sequence, event.sequence)
            XCTAssertEqual(cached.updated, event.updated)
            XCTAssertEqual(Set(cached.texts.keys), Set(event.texts.keys))
            for (code, text) in event.texts {
                let other = try XCTUnwrap(cached.texts[code])
                XCTAssertEqual(other.title, text.title)
                XCTAssertEqual(other.summary, text.summary)
                XCTAssertEqual(other.location, text.location)
                XCTAssertEqual(other.source.path, text.source.path)
                XCTAssertEqual(other.source.folder, text.source.folder)
                XCTAssertEqual(other.source.sourceHash, text.source.sourceHash)
                XCTAssertEqual(other.body.firstParagraph, text.body.firstParagraph)
                XCTAssertEqual(other.body.links.map(\.url), text.body.links.map(\.url))
                XCTAssertEqual(other.body.links.map(\.position), text.body.links.map(\.position))
                XCTAssertEqual(other.body.file?.path, text.body.file?.path)
                XCTAssertEqual(other.body.file?.displayPath, text.body.file?.displayPath)
                XCTAssertEqual(other.body.file?.stamp, text.body.file?.stamp)
            }
        }
        // Another executable or content folder: nothing is taken.
        XCTAssertEqual(read.count, site.events.count)
        XCTAssertEqual(
            LoadCache.read(Array(cache.serialized(identity: identity + "x")), identity: identity, tree: tree).count, 0)
    }

    func testARebuildFromTheCacheIsWhatACleanBuildMakes() throws {
        let incremental = output.url.appendingPathComponent("public")
        _ = try XCTUnwrap(build(content: content.url, output: incremental))
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheFile.path))
        content.write([
            "events/2024/forum/en.md":
                "---\ntitle: Forum, renamed\n---\nA body [to the plan](../../../documents/plan).\n"
        ])
        _ = try XCTUnwrap(build(content: content.url, output: incremental))
        let clean = TemporaryFolder()
        _ = try XCTUnwrap(build(content: content.url, output: clean.url.appendingPathComponent("public")))
        XCTAssertEqual(try folderBytes(incremental), try folderBytes(clean.url.appendingPathComponent("public")))
    }

    func testADamagedCacheIsIgnored() throws {
        let published = output.url.appendingPathComponent("public")
        _ = try XCTUnwrap(build(content: content.url, output: published))
        let good = try Data(contentsOf: cacheFile)
        var flipped = good
        flipped[flipped.count / 2] ^= 0xFF
        // A change that still decodes (another title of the same length): the checksum tells.
        let title = try XCTUnwrap(good.range(of: Data("Milestone".utf8)))
        var retitled = good
        retitled[title.lowerBound] = UInt8(ascii: "X")
        for (number, damaged) in [Data("not a cache".utf8), good.prefix(good.count / 2), flipped, retitled, Data()]
            .enumerated()
        {
            try damaged.write(to: cacheFile)
            // An edit, so that the build is not skipped as unchanged.
            content.write([
                "events/2025/meeting/en.md": "---\ntitle: Expert meeting \(number)\n---\n## Details\n\nBody.\n"
            ])
            _ = try XCTUnwrap(build(content: content.url, output: published))
            let clean = TemporaryFolder()
            _ = try XCTUnwrap(build(content: content.url, output: clean.url.appendingPathComponent("public")))
            XCTAssertEqual(
                try folderBytes(published), try folderBytes(clean.url.appendingPathComponent("public")),
                "case \(number)")
        }
    }

    /// `bytes` with its last eight bytes made the checksum of the others again, as PlanSite
    /// would have written them.
    private func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let checksum = bytes.dropLast(8).withUnsafeBytes { WordHash.of($0) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange((bytes.count - 8)..., with: $0) }
        return bytes
    }

    func testUnchangedEntriesAreWrittenFromTheBytesTheyWereReadFrom() throws {
        let tree = ContentTree(root: content.url)
        let identity = LoadCache.identity(of: tree)
        let edited = "events/2024/forum"
        let keys: @Sendable (String) -> UInt64? = { $0 == edited ? 43 : 42 }
        let (_, first) = LoadCacheMemory.load(content.url, cache: LoadCache(), keys: { _ in 42 })
        let read = LoadCache.read(Array(first.serialized(identity: identity)), identity: identity, tree: tree)
        let (_, next) = LoadCacheMemory.load(content.url, cache: read, keys: keys)
        // Only the event whose key changed is encoded again.
        XCTAssertEqual(next.entries.filter { $0.value.encoded == nil }.map(\.key), [edited])
        XCTAssertEqual(next.count, first.count)
        // The bytes are those of a cache made without a previous one.
        let (_, fresh) = LoadCacheMemory.load(content.url, cache: LoadCache(), keys: keys)
        XCTAssertTrue(fresh.entries.values.allSatisfy { $0.encoded == nil })
        XCTAssertEqual(next.serialized(identity: identity), fresh.serialized(identity: identity))
    }

    /// Entries decoded ahead (while the inputs are listed) answer only to their own key, keep
    /// the bytes they are written again from, and decoding stops when asked to.
    func testEntriesDecodedAheadAreThoseDecodedWhenAskedFor() throws {
        let tree = ContentTree(root: content.url)
        let identity = LoadCache.identity(of: tree)
        let (loaded, first) = LoadCacheMemory.load(content.url, cache: LoadCache(), keys: { _ in 42 })
        let site = try loaded.get()
        let bytes = Array(first.serialized(identity: identity))
        var stopped = LoadCache.read(bytes, identity: identity, tree: tree)
        stopped.decodeAhead { false }
        XCTAssertTrue(stopped.entries.isEmpty)
        var ahead = LoadCache.read(bytes, identity: identity, tree: tree)
        var decoded = 0
        ahead.decodeAhead {
            decoded += 1
            return decoded <= 2
        }
        XCTAssertEqual(ahead.entries.count, 2)
        XCTAssertEqual(ahead.count, site.events.count)
        let lazy = LoadCache.read(bytes, identity: identity, tree: tree)
        for event in site.events {
            XCTAssertNil(ahead.event(in: event.folder, key: 43), event.folder)
            let early = try XCTUnwrap(ahead.event(in: event.folder, key: 42), event.folder)
            let late = try XCTUnwrap(lazy.event(in: event.folder, key: 42), event.folder)
            XCTAssertEqual(early.event.slug, late.event.slug)
            XCTAssertEqual(early.event.texts.keys.sorted(), late.event.texts.keys.sorted())
            XCTAssertEqual(early.encoded, late.encoded)
        }
    }

    func testAnEntryThatCannotBeDecodedIsAMiss() throws {
        let tree = ContentTree(root: content.url)
        let identity = LoadCache.identity(of: tree)
        let (loaded, cache) = LoadCacheMemory.load(content.url, cache: LoadCache(), keys: { _ in 42 })
        let site = try loaded.get()
        var bytes = Array(cache.serialized(identity: identity))
        // The event's own folder, inside its record (the first occurrence is the entry's
        // folder): another folder than the one it is stored under. The checksum still matches.
        let folder = Array("events/2024/milestone".utf8)
        let occurrences = (0...(bytes.count - folder.count)).filter {
            bytes[$0..<($0 + folder.count)].elementsEqual(folder)
        }
        XCTAssertEqual(occurrences.count, 2)
        bytes[occurrences[1] + folder.count - 1] = UInt8(ascii: "X")
        let read = LoadCache.read(resealed(bytes), identity: identity, tree: tree)
        XCTAssertEqual(read.count, site.events.count)
        XCTAssertNil(read.event(in: "events/2024/milestone", key: 42))
        for event in site.events where event.folder != "events/2024/milestone" {
            XCTAssertNotNil(read.event(in: event.folder, key: 42), event.folder)
        }
        // Cut short or with a byte changed, the whole cache is ignored.
        let good = Array(cache.serialized(identity: identity))
        for length in stride(from: 0, to: good.count, by: max(1, good.count / 200)) {
            XCTAssertEqual(
                LoadCache.read(Array(good.prefix(length)), identity: identity, tree: tree).count, 0, "\(length)")
        }
        for index in stride(from: 0, to: good.count, by: max(1, good.count / 200)) {
            var flipped = good
            flipped[index] ^= 0x20
            XCTAssertEqual(LoadCache.read(flipped, identity: identity, tree: tree).count, 0, "\(index)")
        }
    }
}
