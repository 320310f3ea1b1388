import CVipsShim
import Foundation

/// Every call into libvips goes through here. libvips is thread-safe, but its error buffer is
/// one for the whole process: two images failing at once would mix their messages. So calls
/// run side by side as readers, and a call that fails is run again alone, with the buffer
/// cleared, and its message taken from that run: a file's error never depends on which other
/// file failed at the same moment.
enum VipsGate {
    /// A libvips call returned failure; the message is in libvips' error buffer.
    struct Failed: Error {}

    /// `body` run with libvips started, or the message of libvips' error when it fails.
    static func run<Value>(_ body: () throws(Failed) -> Value) -> Result<Value, VipsFailure> {
        guard started else { return .failure(VipsFailure(message: "libvips could not be started")) }
        lock.lockShared()
        let first = Result(catching: body)
        lock.unlock()
        if case .success(let value) = first { return .success(value) }
        lock.lockExclusive()
        defer { lock.unlock() }
        pvips_free(pvips_take_error())
        let again = Result(catching: body)
        if case .success(let value) = again { return .success(value) }
        return .failure(VipsFailure(message: takeError()))
    }

    private static let started = pvips_start() == 0
    private static let lock = ReadWriteLock()

    /// The first line of libvips' error buffer, emptied.
    private static func takeError() -> String {
        guard let raw = pvips_take_error() else { return "unknown libvips error" }
        defer { pvips_free(raw) }
        let text = String(cString: raw).split(separator: "\n").first.map(String.init) ?? ""
        return text.isEmpty ? "unknown libvips error" : text
    }
}

/// What libvips said when it refused an image.
struct VipsFailure: Error, Sendable {
    let message: String
}

private extension Result where Failure == VipsGate.Failed {
    init(catching body: () throws(VipsGate.Failed) -> Success) {
        do { self = .success(try body()) } catch { self = .failure(error) }
    }
}

/// A pthread read-write lock: many shared holders, or one exclusive.
private final class ReadWriteLock: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)

    init() { pthread_rwlock_init(lock, nil) }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func lockShared() { pthread_rwlock_rdlock(lock) }
    func lockExclusive() { pthread_rwlock_wrlock(lock) }
    func unlock() { pthread_rwlock_unlock(lock) }
}
