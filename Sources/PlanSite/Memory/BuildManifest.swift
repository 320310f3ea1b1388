import Foundation
import Synchronization

/// What the last build wrote, kept beside the output folder (`.public.plansite-manifest`, not
/// inside it, so it is never published and two builds' folders stay byte-identical): the
/// fingerprint of its inputs, and a hash and size for every file. The next build uses it to
/// leave unchanged files alone (same inode, same modification time, so rsync and CDN uploads
/// see no change) and to do nothing at all when no input changed.
///
/// The format is versioned and binary (`ByteWriter`), and ends with a checksum: it is read and
/// written on every build, and has an entry per file of the site (60,000 at 10,000 events),
/// which as lines of text took half a second to split and parse. A manifest that is missing,
/// of another version, damaged, truncated or malformed is ignored: the build then writes every
/// file, as a first build does. It is never trusted beyond that: every path it names must be a
/// safe output path (`OutputPath`), and a file is kept only when the old one is still there
/// with the recorded size.
struct BuildManifest: Sendable, Equatable {
    static let header = "plansite-manifest 3\n"

    struct Entry: Sendable, Equatable {
        let hash: UInt64
        let size: Int
        /// The file's modification time as written, in nanoseconds: a file changed since (by
        /// hand, by another tool) no longer matches and is written again.
        let modified: Int64
        /// The input key the file was made from, when it has one (an event's pages): a later
        /// build with the same key links the file instead of rendering it again.
        var reuseKey: UInt64? = nil
        /// The entry's position in the manifest it was read from (-1 for one this build made):
        /// the writer marks the entries it keeps by position, with no lock (`OutputWriter.reuse`).
        var ordinal = -1

        /// Two entries are the same file as made: where they were read from does not count.
        static func == (left: Entry, right: Entry) -> Bool {
            left.hash == right.hash && left.size == right.size && left.modified == right.modified
                && left.reuseKey == right.reuseKey
        }
    }

    var fingerprint: String
    var files: [String: Entry]

    /// The header, then the fingerprint and the files, then a checksum of all that.
    func serialized() -> [UInt8] {
        // About 70 bytes per file at most sites' path lengths: one allocation in the usual case.
        var writer = ByteWriter(capacity: 256 + files.count * 96)
        writer.append(encoded: Self.header.utf8)
        writer.write(fingerprint)
        writer.write(files.count)
        // In a fixed order, so that the same build writes the same bytes: by the files' hashes,
        // integers, and by path only between files of the same bytes. Sorting by path compared
        // 60,000 strings, most of the time it took to write the manifest.
        // Positions are sorted, not (path, entry) pairs: moving a pair retains its path.
        let pairs = Array(files)
        var order = pairs.indices.map { (hash: pairs[$0].value.hash, index: $0) }
        order.sort { $0.hash != $1.hash ? $0.hash < $1.hash : pairs[$0.index].key < pairs[$1.index].key }
        for (_, index) in order {
            let (path, entry) = pairs[index]
            writer.write(path)
            writer.write(entry.hash)
            writer.write(entry.size)
            writer.write(Int(entry.modified))
            writer.write(entry.reuseKey != nil)
            if let key = entry.reuseKey { writer.write(key) }
        }
        let checksum = writer.bytes.withUnsafeBytes { WordHash.of($0) }
        writer.write(checksum)
        return writer.bytes
    }

    /// Writes the manifest to `url`, beside and renamed, so a reader never sees half of it.
    func write(to url: URL) throws {
        try serialized().withUnsafeBytes { try PlainFile.replace(url.path, with: $0) }
    }

    /// The manifest at `url`, or nil when there is none or it is not one this version wrote.
    static func read(at url: URL) -> BuildManifest? {
        PlainFile.readBytes(url.path).flatMap(parse)
    }

    /// The manifest in `bytes`, or nil when they are not a whole, sound one of this version.
    static func parse(_ bytes: [UInt8]) -> BuildManifest? {
        let header = Array(Self.header.utf8)
        guard bytes.count >= header.count + 8, bytes.starts(with: header) else { return nil }
        let payload = bytes[..<(bytes.count - 8)]
        var stored = ByteReader(bytes[payload.endIndex...])
        guard (try? stored.readUInt64()) == payload.withUnsafeBytes({ WordHash.of($0) }) else { return nil }
        var reader = ByteReader(payload[header.count...])
        do {
            let fingerprint = try reader.readString()
            let count = try reader.readCount()
            var files: [String: Entry] = .init(minimumCapacity: count)
            for ordinal in 0..<count {
                // A path that could leave the output folder is refused before it is a string.
                let pathBytes = try reader.readBytes(try reader.readCount())
                guard OutputPath.refusal(of: pathBytes) == nil else { return nil }
                let path = try ByteReader.string(pathBytes)
                let hash = try reader.readUInt64()
                let size = try reader.readInt()
                let modified = Int64(try reader.readInt())
                let reuseKey = try reader.readBool() ? try reader.readUInt64() : nil
                guard size >= 0,
                    files.updateValue(
                        Entry(hash: hash, size: size, modified: modified, reuseKey: reuseKey, ordinal: ordinal),
                        forKey: path) == nil
                else { return nil }
            }
            return reader.isAtEnd ? BuildManifest(fingerprint: fingerprint, files: files) : nil
        } catch {
            return nil
        }
    }

    /// Whether every file of the manifest is in `output` as recorded: a regular file of the
    /// recorded size and modification time. Looked up from the open folder, one `fstatat` a file.
    /// Looked at on every core: 60,000 files at 10,000 events, most of a no-change build.
    func isIntact(in output: String) -> Bool {
        let folder = open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return false }
        defer { close(folder) }
        let entries = Array(files)
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount, entries.count / 1_000))
        let intact = Mutex(true)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var info = stat()
            for index in stride(from: slice, to: entries.count, by: slices) {
                guard intact.withLock({ $0 }) || index % 256 != 0 else { return }
                let (path, entry) = entries[index]
                if fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) != 0
                    || Self.modified(info, size: entry.size) != entry.modified
                {
                    intact.withLock { $0 = false }
                    return
                }
            }
        }
        return intact.withLock { $0 }
    }

    /// A file's modification time in nanoseconds, or nil when it is not a regular file.
    static func modified(_ path: String, size: Int? = nil) -> Int64? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return modified(info, size: size)
    }

    /// The same, from a file's status already taken (`lstat`, or `fstatat` from a folder).
    static func modified(_ info: stat, size: Int? = nil) -> Int64? {
        guard (info.st_mode & S_IFMT) == S_IFREG, size.map({ $0 == Int(info.st_size) }) ?? true else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
