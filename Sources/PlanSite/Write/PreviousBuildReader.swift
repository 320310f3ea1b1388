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
    private var fingerprint: String?
    private var cache = LoadCache()

    /// Starts reading. `writer` is used by this reader alone until `previousFingerprint` returns.
    init(writer: OutputWriter, tree: ContentTree, cacheIdentity: String) {
        let cachePath = writer.loadCache.path
        finished.enter()
        DispatchQueue.global().async { [self] in
            fingerprint = writer.previousFingerprint
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

    /// The input fingerprint the previous build recorded, once its manifest is read.
    var previousFingerprint: String? {
        manifestRead.wait()
        manifestRead.signal()
        return fingerprint
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
