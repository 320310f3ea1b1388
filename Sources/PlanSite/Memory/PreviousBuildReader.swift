import Foundation

/// Reads what the previous build left beside the output (its manifest, then its load cache) on
/// another thread, while the build lists its inputs: on a rebuild after one edit these are the
/// three largest reads, and they do not depend on each other.
final class PreviousBuildReader: @unchecked Sendable {
    private let manifestRead = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private let lock = NSLock()
    private var cancelled = false
    /// The build asked for the cache: decoding ahead stops, the rest is decoded as it loads.
    private var wanted = false
    private var manifest: BuildManifest?
    private var cache = LoadCache()

    init(files: FilesBesideOutput, tree: ContentTree, cacheIdentity: String) {
        let manifestURL = files.manifest
        let cachePath = files.loadCache.path
        finished.enter()
        DispatchQueue.global().async { [self] in
            manifest = BuildManifest.read(at: manifestURL)
            manifestRead.signal()
            lock.lock()
            let skip = cancelled
            lock.unlock()
            if !skip {
                var read = LoadCache.read(PlainFile.readBytes(cachePath), identity: cacheIdentity, tree: tree)
                read.decodeAhead { [self] in
                    lock.lock()
                    defer { lock.unlock() }
                    return !cancelled && !wanted
                }
                cache = read
            }
            finished.leave()
        }
    }

    /// The input fingerprint the previous build recorded, if its output is still there.
    func previousFingerprint(output: URL) -> String? {
        manifestRead.wait()
        manifestRead.signal()
        guard FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputWriter.markerName).path)
        else { return nil }
        return manifest?.fingerprint
    }

    /// The previous build's manifest, if it has not been handed over.
    func peekManifest() -> BuildManifest? {
        manifestRead.wait()
        manifestRead.signal()
        lock.lock()
        defer { lock.unlock() }
        return manifest
    }

    /// The previous build's manifest, handed over once.
    func takeManifest() -> BuildManifest? {
        manifestRead.wait()
        manifestRead.signal()
        lock.lock()
        defer { lock.unlock() }
        let taken = manifest
        manifest = nil
        return taken
    }

    /// The previous build's load cache (empty when there is none or it cannot be used), handed
    /// over once: the reader keeps no reference, so the cache's bytes (hundreds of megabytes at
    /// 100,000 events) go as soon as the build is done with them.
    func takeLoadCache() -> LoadCache {
        lock.lock()
        wanted = true
        lock.unlock()
        finished.wait()
        let taken = cache
        cache = LoadCache()
        return taken
    }

    /// Nothing changed: the cache is not read, or if it is being read, waited for, so that no
    /// work outlives the build.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
        finished.wait()
    }
}
