import Foundation
#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
    private let systemRead = Darwin.read
#endif

/// Reads and writes files with plain system calls. Reading: one stat, open and read, where
/// FileManager's attributes and contents calls built dictionaries and URLs for each of the
/// 40,000 files of a large site. Writing: open/write/close and nothing more. Foundation's `Data.write(to:)` also
/// calls fsync on every file, which made a 60,000-file build wait on the disk for most of its
/// time. A build is made durable as a whole instead: it is staged and swapped in by rename,
/// so an interrupted build never leaves a half-written site (see `OutputWriter`).
enum PlainFile {
    struct WriteFailure: Error, LocalizedError {
        let path: String
        let code: Int32
        var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Makes a folder and any missing parents (mkdir -p). A folder another render thread has
    /// just made is not an error. One mkdir call in the usual case, where FileManager first
    /// looked at every component of the path.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash > path.startIndex else {
            throw WriteFailure(path: path, code: errno)
        }
        try makeFolder(String(path[..<slash]))
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw WriteFailure(path: path, code: errno) }
    }

    /// A file's bytes, read straight into an array (one buffer, for large files); nil when it
    /// cannot be read whole.
    static func readBytes(_ path: String) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return readBytes(path, size: Int(info.st_size))
    }

    /// The `size` bytes of a file whose size is known; nil when it cannot be read whole.
    static func readBytes(_ path: String, size: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var filled = 0
            while filled < size {
                let read = systemRead(descriptor, buffer.baseAddress! + filled, size - filled)
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { break }
                filled += read
            }
            count = filled
            complete = filled == size
        }
        return complete ? bytes : nil
    }

    /// Returns the written file's status, taken from the open file (the manifest records its
    /// modification time): looking the path up again was a system call's path walk a file.
    @discardableResult
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws -> stat {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteFailure(path: path, code: errno) }
        defer { close(descriptor) }
        try write(bytes, to: descriptor, path: path)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw WriteFailure(path: path, code: errno) }
        return info
    }

    /// Writes `bytes` beside `path`, then renames them over it: a reader sees the old file or
    /// the new one, never half of one. Not synced to the disk, like the site's own files.
    static func replace(_ path: String, with bytes: UnsafeRawBufferPointer) throws {
        let temporary = path + ".partial"
        do {
            try write(bytes, to: temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw WriteFailure(path: path, code: code)
        }
    }

    /// Writes all of `data` to an open file (`path` names it in errors).
    static func write(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { try write($0, to: descriptor, path: path) }
    }

    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(path: path, code: errno)
            }
            offset += written
        }
    }
}
