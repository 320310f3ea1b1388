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
        var reader = ByteReader(writer.data)
        XCTAssertEqual(try numbers.map { _ in try reader.readInt() }, numbers)
        XCTAssertEqual(try reader.readString(), "Қазақ тілі, ru: Русский")
        XCTAssertNil(try reader.readOptionalString())
        XCTAssertEqual(try reader.readUInt64(), UInt64.max)
        XCTAssertTrue(reader.isAtEnd)
        // Cut short anywhere, it fails cleanly.
        for length in 0..<writer.data.count {
            var short = ByteReader(writer.data.prefix(length))
            XCTAssertThrowsError(try {
                for _ in numbers { _ = try short.readInt() }
                _ = try short.readString()
                _ = try short.readOptionalString()
                _ = try short.readUInt64()
            }())
        }
    }

    func testEventsRoundTripThroughTheCache() throws {
        let tree = ContentTree(root: content.url)
        let (loaded, cache) = ContentLoader.load(contentDirectory: content.url, cache: LoadCache(), keys: { _ in 42 })
        let site = try loaded.get()
        XCTAssertEqual(cache.entries.count, site.events.count)
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
                XCTAssertEqual(other.body.file?.url, text.body.file?.url)
                XCTAssertEqual(other.body.file?.displayPath, text.body.file?.displayPath)
                XCTAssertEqual(other.body.file?.stamp, text.body.file?.stamp)
            }
        }
        // Another executable or content folder: nothing is taken.
        XCTAssertTrue(LoadCache.read(Array(cache.serialized(identity: identity + "x")), identity: identity, tree: tree).entries.isEmpty)
    }

    func testARebuildFromTheCacheIsWhatACleanBuildMakes() throws {
        let incremental = output.url.appendingPathComponent("public")
        _ = try XCTUnwrap(build(content: content.url, output: incremental))
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheFile.path))
        content.write(["events/2024/forum/en.md": "---\ntitle: Forum, renamed\n---\nA body [to the plan](../../../documents/plan).\n"])
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
        for (number, damaged) in [Data("not a cache".utf8), good.prefix(good.count / 2), flipped, retitled, Data()].enumerated() {
            try damaged.write(to: cacheFile)
            // An edit, so that the build is not skipped as unchanged.
            content.write(["events/2025/meeting/en.md": "---\ntitle: Expert meeting \(number)\n---\n## Details\n\nBody.\n"])
            _ = try XCTUnwrap(build(content: content.url, output: published))
            let clean = TemporaryFolder()
            _ = try XCTUnwrap(build(content: content.url, output: clean.url.appendingPathComponent("public")))
            XCTAssertEqual(try folderBytes(published), try folderBytes(clean.url.appendingPathComponent("public")), "case \(number)")
        }
    }
}
