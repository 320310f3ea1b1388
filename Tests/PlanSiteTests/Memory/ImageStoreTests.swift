import Foundation
import PlanMedia
import XCTest

@testable import PlanSite

/// The image store (`ImageStore`): pictures made once are taken from it by every later build
/// whose source and recipe are the same, beside the output or restored elsewhere (CI), and a
/// build taking them publishes the same bytes as one that makes them.
final class ImageStoreTests: XCTestCase {
    /// The media fixture written into `folder/content`.
    private func mediaSite(in folder: URL) throws -> URL {
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try MediaSite.write(into: content)
        return content
    }

    private func build(_ options: BuildOptions, file: StaticString = #filePath, line: UInt = #line) throws
        -> BuildSummary
    {
        switch SiteBuilder.build(options) {
        case .success(let summary): return summary
        case .failure(let failure):
            XCTFail(failure.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
            throw failure
        }
    }

    private func files(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in TemporaryFolder.list(root) { files[name] = try Data(contentsOf: root.appendingPathComponent(name)) }
        return files
    }

    /// Only the differing paths, so a failure names them instead of printing two sites.
    private func assertSameFiles(
        _ actual: [String: Data], _ expected: [String: Data], _ what: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), what, file: file, line: line)
        let differing = expected.keys.sorted().filter { actual[$0] != nil && actual[$0] != expected[$0] }
        XCTAssertEqual(differing, [], what, file: file, line: line)
    }

    /// A rebuild after a text edit decodes no image; one after a photo changed decodes that one.
    func testARebuildDecodesOnlyTheImagesThatChanged() throws {
        let folder = TemporaryFolder()
        let content = try mediaSite(in: folder.url)
        let options = MediaSite.options(content: content, output: folder.url.appendingPathComponent("public"))
        let first = try build(options)
        XCTAssertEqual([first.imagesMade, first.imagesFromStore], [4, 0])
        let media = try files(options.output.appendingPathComponent("media"))
        XCTAssertTrue(try build(options).unchanged, "nothing changed: nothing done")

        folder.write(["content/documents/charter/en.md": "---\ntitle: Charter\n---\nThe charter, amended.\n"])
        let edited = try build(options)
        XCTAssertFalse(edited.unchanged)
        XCTAssertEqual([edited.imagesMade, edited.imagesFromStore], [0, 4])
        assertSameFiles(try files(options.output.appendingPathComponent("media")), media, "after a text edit")

        try TestPictures.cameraJPEG(width: 900, height: 600)
            .write(to: content.appendingPathComponent("home/welcome.jpg"))
        let photo = try build(options)
        XCTAssertEqual([photo.imagesMade, photo.imagesFromStore], [1, 3])
        let changed = try files(options.output.appendingPathComponent("media"))
        XCTAssertEqual(
            changed.keys.filter { changed[$0] != media[$0] }.sorted(),
            ["home/welcome-480.jpg", "home/welcome-480.webp", "home/welcome-900.jpg", "home/welcome-900.webp"])
        XCTAssertEqual(
            media.keys.filter { changed[$0] == nil }.sorted(), ["home/welcome-800.jpg", "home/welcome-800.webp"])
    }

    /// As CI does: a fresh checkout (another content path) built into a new folder with the
    /// store of an earlier run restored where `imageCache` says. No image is made, and every
    /// byte is what the first build published.
    func testACleanBuildWithTheStoreRestoredMakesNoImageAndTheSameBytes() throws {
        let first = TemporaryFolder(), second = TemporaryFolder()
        var options = MediaSite.options(
            content: try mediaSite(in: first.url), output: first.url.appendingPathComponent("public"))
        options.imageCache = first.url.appendingPathComponent("image-cache")
        XCTAssertEqual(try build(options).imagesMade, 4)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: first.url.appendingPathComponent(".public.plansite-images").path),
            "the store is where imageCache says, not beside the output")

        try FileManager.default.copyItem(
            at: first.url.appendingPathComponent("content"), to: second.url.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: first.url.appendingPathComponent("image-cache"), to: second.url.appendingPathComponent("restored"))
        var clean = MediaSite.options(
            content: second.url.appendingPathComponent("content"), output: second.url.appendingPathComponent("site"))
        clean.imageCache = second.url.appendingPathComponent("restored")
        let summary = try build(clean)
        XCTAssertEqual([summary.imagesMade, summary.imagesFromStore], [0, 4])
        assertSameFiles(try files(clean.output), try files(options.output), "built from the restored store")
    }

    /// Without the memory of earlier builds every image is made, nothing is kept beside the
    /// output, and the bytes are those of a build that had the store.
    func testABuildWithoutMemoryMakesTheSameBytes() throws {
        let folder = TemporaryFolder()
        let content = try mediaSite(in: folder.url)
        let remembering = MediaSite.options(content: content, output: folder.url.appendingPathComponent("public"))
        _ = try build(remembering)
        folder.write(["content/areas/beta/en.md": "---\ntitle: Beta\n---\nThe second area, edited.\n"])
        XCTAssertEqual(try build(remembering).imagesFromStore, 4)

        let scratch = TemporaryFolder()
        var forgetful = MediaSite.options(content: content, output: scratch.url.appendingPathComponent("public"))
        forgetful.remembers = false
        let summary = try build(forgetful)
        XCTAssertEqual([summary.imagesMade, summary.imagesFromStore], [4, 0])
        XCTAssertEqual(TemporaryFolder.list(scratch.url).filter { $0.hasPrefix(".public.plansite-") }, [])
        assertSameFiles(try files(forgetful.output), try files(remembering.output), "without memory")
    }

    // MARK: The store itself

    private func processed(_ photo: Data, cover: Bool) throws -> ProcessedImage {
        try ImageProcessor.process(
            ImageJob(source: .bytes(photo), header: try ImageProbe.header(of: photo), makesCover: cover))
    }

    /// An entry gives back the sizes and bytes stored; a key of another recipe or source is a miss.
    func testAnEntryIsFoundOnlyByItsWholeKey() throws {
        let folder = TemporaryFolder()
        let store = ImageStore(folder: folder.url.path)
        let image = try processed(TestPictures.cameraJPEG(width: 1000, height: 600), cover: true)
        let key = DerivativeKey(sourceDigest: "abc-1", recipe: .standard, makesCover: true)
        store.store(key, image)

        let found = try XCTUnwrap(store.image(key))
        XCTAssertEqual(found.variants.map(\.modern.width), [480, 960, 1000])
        XCTAssertEqual(found.variants.map(\.fallback.encoding), [.jpeg, .jpeg, .jpeg])
        XCTAssertEqual([found.cover?.width, found.cover?.height], [1000, 525])
        for (stored, made) in zip(found.variants, image.variants) {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: stored.modern.path)), made.modern.bytes)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: stored.fallback.path)), made.fallback.bytes)
        }
        XCTAssertNil(store.image(DerivativeKey(sourceDigest: "abc-2", recipe: .standard, makesCover: true)))
        XCTAssertNil(store.image(DerivativeKey(sourceDigest: "abc-1", recipe: .standard, makesCover: false)))
        var other = ImageRecipe.standard
        other.jpegQuality = 90
        XCTAssertNil(store.image(DerivativeKey(sourceDigest: "abc-1", recipe: other, makesCover: true)))
        XCTAssertEqual(TemporaryFolder.list(folder.url).filter { $0.contains(".partial-") }, [], "no half entry left")
    }

    /// An entry whose sizes cannot be read is a miss, not a failure: the picture is made again.
    func testADamagedEntryIsAMiss() throws {
        let folder = TemporaryFolder()
        let store = ImageStore(folder: folder.url.path)
        let key = DerivativeKey(sourceDigest: "def-2", recipe: .standard, makesCover: false)
        store.store(key, try processed(TestPictures.cameraJPEG(width: 500, height: 500), cover: false))
        let entry = try XCTUnwrap(TemporaryFolder.list(folder.url).first { $0.hasSuffix("/sizes") })
        try Data("modern 480 480 gif\n".utf8).write(to: folder.url.appendingPathComponent(entry))
        XCTAssertNil(ImageStore(folder: folder.url.path).image(key))
    }

    /// After a build, the entries it did not use are removed (and nothing else of the folder),
    /// and the sources it saw are remembered by path, size and time for the next.
    func testABuildKeepsOnlyWhatItUsedAndRemembersItsSources() throws {
        let folder = TemporaryFolder()
        folder.write(["notes.txt": "not the store's", "photos/readme.txt": "nor is this"])
        let photo = TestPictures.cameraJPEG(width: 600, height: 400)
        let used = DerivativeKey(sourceDigest: "used-1", recipe: .standard, makesCover: false)
        let unused = DerivativeKey(sourceDigest: "unused-1", recipe: .standard, makesCover: false)
        let first = ImageStore(folder: folder.url.path)
        first.store(used, try processed(photo, cover: false))
        first.store(unused, try processed(photo, cover: false))
        first.keepOnlyUsed()
        XCTAssertEqual(TemporaryFolder.list(folder.url).filter { $0.hasSuffix("/key") }.count, 2)

        let content = TemporaryFolder()
        let source = content.url.appendingPathComponent("photo.jpg")
        try photo.write(to: source)
        let stamp = try XCTUnwrap(FileStamp.of(source))
        let header = try ImageProbe.header(of: photo)
        let second = ImageStore(folder: folder.url.path)
        XCTAssertNotNil(second.image(used))
        second.rememberSource(path: source.path, .init(stamp: stamp, digest: "used-1", header: header))
        second.keepOnlyUsed()
        XCTAssertEqual(TemporaryFolder.list(folder.url).filter { $0.hasSuffix("/key") }.count, 1)
        XCTAssertNil(ImageStore(folder: folder.url.path).image(unused))
        XCTAssertEqual(folder.read("notes.txt"), "not the store's")
        XCTAssertEqual(folder.read("photos/readme.txt"), "nor is this")

        let third = ImageStore(folder: folder.url.path)
        XCTAssertEqual(third.source(path: source.path, stamp: stamp)?.digest, "used-1")
        XCTAssertEqual(third.source(path: source.path, stamp: stamp)?.header, header)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: source.path)
        let touched = try XCTUnwrap(FileStamp.of(source))
        XCTAssertNotEqual(touched, stamp)
        XCTAssertNil(third.source(path: source.path, stamp: touched), "a touched file is not taken for the one seen")
    }
}
