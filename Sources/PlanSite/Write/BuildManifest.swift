import Foundation

/// What the last build wrote, kept beside the output folder (`.public.plansite-manifest`, not
/// inside it, so it is never published and two builds' folders stay byte-identical): the
/// fingerprint of its inputs, and a hash and size for every file. The next build uses it to
/// leave unchanged files alone (same inode, same modification time, so rsync and CDN uploads
/// see no change) and to do nothing at all when no input changed.
///
/// The format is versioned. A manifest that is missing, of another version, or malformed is
/// ignored: the build then writes every file, as a first build does. It is never trusted
/// beyond that: a file is kept only when the old one is still there with the recorded size.
struct BuildManifest: Sendable, Equatable {
    static let header = "plansite-manifest 2"

    struct Entry: Sendable, Equatable {
        let hash: UInt64
        let size: Int
        /// The file's modification time as written, in nanoseconds: a file changed since (by
        /// hand, by another tool) no longer matches and is written again.
        let modified: Int64
        /// The input key the file was made from, when it has one (an event's pages): a later
        /// build with the same key links the file instead of rendering it again.
        var reuseKey: UInt64? = nil
    }

    var fingerprint: String
    var files: [String: Entry]

    func serialized() -> Data {
        var text = Self.header + "\n" + "fingerprint " + fingerprint + "\n"
        for path in files.keys.sorted() {
            let entry = files[path]!
            let key = entry.reuseKey.map { String($0, radix: 16) } ?? "-"
            text += "\(String(entry.hash, radix: 16)) \(entry.size) \(entry.modified) \(key) \(path)\n"
        }
        return Data(text.utf8)
    }

    /// The manifest at `url`, or nil when there is none or it is not one this version wrote.
    static func read(at url: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0] == header, lines[1].hasPrefix("fingerprint ") else { return nil }
        var files: [String: Entry] = [:]
        for line in lines.dropFirst(2) where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 4)
            guard parts.count == 5, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]),
                  let modified = Int64(parts[2]), (try? OutputPath.check(String(parts[4]))) != nil else { return nil }
            let key: UInt64?
            if parts[3] == "-" { key = nil } else if let given = UInt64(parts[3], radix: 16) { key = given } else { return nil }
            files[String(parts[4])] = Entry(hash: hash, size: size, modified: modified, reuseKey: key)
        }
        return BuildManifest(fingerprint: String(lines[1].dropFirst("fingerprint ".count)), files: files)
    }

    /// A file's modification time in nanoseconds, or nil when it is not a regular file.
    static func modified(_ path: String, size: Int? = nil) -> Int64? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, size.map({ $0 == Int(info.st_size) }) ?? true
        else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// The hash of a file's bytes (`WordHash`).
    static func hash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { hash($0) }
    }

    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        WordHash.of(raw)
    }
}
