import Foundation
import PlanMedia
import Synchronization

/// The memory kept beside the output folder (`FilesBesideOutput`): the last build's manifest,
/// load cache and fragment stores, and this build's fingerprint of its inputs, which decides
/// what of them still holds.
final class OutputFolderMemory: BuildMemory, @unchecked Sendable {
    let files: FilesBesideOutput
    /// Set once more, before anything is planned, by `sharedInputsInclude`; only read after.
    private var inputs: InputFingerprint
    private let walked: WalkedFolders
    private let previous: PreviousBuildReader
    private let tree: ContentTree
    /// The previous build's events, taken from the reader once the load asks for the first.
    private let cache: Mutex<LoadCache?> = Mutex(nil)
    /// Saving the load cache for the next build beside the last one's, on another core while the
    /// build goes on (or at the end, when the output's folder does not exist yet).
    private let cacheSave: Mutex<Concurrent<Bool>?> = Mutex(nil)
    private let cacheSaveLater: Mutex<(@Sendable () -> Bool)?> = Mutex(nil)
    /// The languages whose fragment stores this build wrote beside the previous build's: they
    /// replace those only once the build has succeeded.
    private let savedFragments = Mutex<Set<String>>([])
    /// The pictures made before, beside the output or where `--image-cache` says.
    private let images: ImageStore
    private static let staged = ".next"

    /// Looks at what the previous build of `options.output` left and lists this build's inputs.
    /// "Today" counts to the quarter hour: every time zone's midnight falls on one.
    init(options: BuildOptions) {
        files = FilesBesideOutput(output: options.output)
        images = ImageStore(folder: options.imageCache?.standardizedFileURL.path ?? files.images.path)
        tree = ContentTree(root: options.content)
        previous = PreviousBuildReader(files: files, tree: tree, cacheIdentity: LoadCache.identity(of: tree))
        let quarterHours = Int(options.now.timeIntervalSince1970 / 900)
        (inputs, walked) = InputFingerprint.taken(options, today: String(quarterHours))
    }

    /// No work outlives the build.
    deinit {
        previous.cancel()
        _ = cacheSave.withLock { $0 }?.value
    }

    /// The inputs are those of the last build, and every file it wrote is still there as it
    /// wrote it (size and modification time): a file deleted or edited by hand is made again.
    /// When the inputs are the same, the load cache is not read further while the output is
    /// looked at (both cores go to that): a file changed by hand is then made again from a load
    /// without the cache, which is slower and makes the same bytes.
    var outputIsCurrent: Bool {
        guard previous.previousFingerprint(output: files.output) == inputs.whole,
            let manifest = previous.peekManifest()
        else { return false }
        previous.cancel()
        return manifest.isIntact(in: files.output.path)
    }

    var walkedContent: WalkedFolders? { walked }

    func loadedEvent(in folder: String) -> RememberedEvent? {
        let cache = self.cache.withLock { cache in
            if cache == nil { cache = previous.takeLoadCache() }
            return cache!
        }
        return cache.event(in: folder, key: inputs.reuseKey(forEventFolders: [folder])).map(RememberedEvent.init)
    }

    func rememberLoaded(_ events: [LoadedEvent]) {
        // The previous cache's bytes, which entries taken unchanged are written from, go with it.
        cache.withLock { $0 = nil }
        let inputs = self.inputs
        let next = LoadCache(remembering: events) { inputs.reuseKey(forEventFolders: [$0]) }
        let destination = URL(fileURLWithPath: files.loadCache.path + Self.staged)
        let identity = LoadCache.identity(of: tree)
        let save: @Sendable () -> Bool = { (try? next.write(to: destination, identity: identity)) != nil }
        guard FileManager.default.fileExists(atPath: destination.deletingLastPathComponent().path) else {
            cacheSaveLater.withLock { $0 = save }
            return
        }
        cacheSave.withLock { $0 = Concurrent(save) }
    }

    func reuseKey(forEventFolders folders: [String]) -> UInt64? { inputs.reuseKey(forEventFolders: folders) }

    func reuseKey(forPaths paths: [[String]]) -> UInt64? { inputs.reuseKey(forPaths: paths) }

    func sharedInputsInclude(_ digest: UInt64) { inputs = inputs.salted(with: digest) }

    func fragments(_ language: String) -> FragmentStore? {
        FragmentStore.read(files.fragments(language), language: language)
    }

    /// A store that cannot be written costs the next build time, never its correctness.
    func rememberFragments(_ language: String, _ entries: [FragmentEntry]) {
        let path = files.fragments(language) + Self.staged
        guard (try? FragmentStore.write(path, language: language, entries: entries)) != nil else { return }
        savedFragments.withLock { _ = $0.insert(language) }
    }

    func imageSource(path: String, stamp: FileStamp) -> (digest: String, header: ImageHeader)? {
        images.source(path: path, stamp: stamp).map { ($0.digest, $0.header) }
    }

    func rememberImageSource(path: String, stamp: FileStamp, digest: String, header: ImageHeader) {
        images.rememberSource(path: path, ImageStore.KnownSource(stamp: stamp, digest: digest, header: header))
    }

    func storedImage(_ key: DerivativeKey) -> StoredImage? { images.image(key) }

    func storeImage(_ key: DerivativeKey, _ image: ProcessedImage) { images.store(key, image) }

    func previousOutput() -> BuildManifest? {
        guard FileManager.default.fileExists(atPath: files.output.appendingPathComponent(OutputWriter.markerName).path)
        else { return nil }
        return previous.takeManifest()
    }

    var updateJournal: URL? { files.journal }

    func outputWillChange() {
        try? FileManager.default.removeItem(at: files.manifest)
    }

    func commit(files written: [String: BuildManifest.Entry]) throws {
        let savedCache = cacheSaveLater.withLock { $0 }?() ?? cacheSave.withLock { $0 }?.value ?? false
        if savedCache, rename(files.loadCache.path + Self.staged, files.loadCache.path) != 0 {
            unlink(files.loadCache.path + Self.staged)
        }
        for language in savedFragments.withLock({ $0 }) {
            let path = files.fragments(language)
            if rename(path + Self.staged, path) != 0 { unlink(path + Self.staged) }
        }
        images.keepOnlyUsed()
        try? BuildManifest(fingerprint: inputs.whole, files: written).write(to: files.manifest)
    }

    func discard() {
        for language in savedFragments.withLock({ $0 }) { unlink(files.fragments(language) + Self.staged) }
        _ = cacheSave.withLock { $0 }?.value
        unlink(files.loadCache.path + Self.staged)
    }
}
