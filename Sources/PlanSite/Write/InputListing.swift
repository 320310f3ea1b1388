import Foundation

/// Every file below a folder as the input fingerprint sees it: one line per file, its path
/// relative to the folder, size and modification time in nanoseconds
/// (`/events/2025/forum/en.md 812 1735689600.123456789`), written as bytes into one buffer.
///
/// Folders are listed one at a time: a folder's files (sorted by name), then its sub-folders
/// (sorted by name), so the lines of the files directly in one folder are next to each other
/// and an event folder's digest is taken from its stretch of the buffer, without a copy.
/// Links are listed as links, never followed; folders are folders, whatever they hold.
struct InputListing {
    /// A folder that directly holds files, and where their lines are in `bytes`.
    struct Folder {
        /// Relative to the listed folder, without a leading slash; empty for the folder itself.
        let path: String
        let lines: Range<Int>
    }

    private(set) var bytes: [UInt8] = []
    /// In the order their lines are in `bytes`.
    private(set) var folders: [Folder] = []
    /// Every folder's entries and every link, as this walk read them: the content loader takes
    /// its folder listings and its search for escaping links from here instead of walking the
    /// 10,000 event folders of a large site a second time.
    private(set) var walked = WalkedFolders()

    init(of root: String) {
        list(root, in: AT_FDCWD, relative: "")
    }

    /// The lines of one folder's files, for hashing.
    func withLines<Result>(of folder: Folder, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[folder.lines])) }
    }

    private mutating func list(_ name: String, in parent: Int32, relative: String) {
        _ = FolderEntries.read(name, in: parent) { descriptor, entries in
            walked.entries[relative] = entries
            let sorted = entries.sorted { $0.name < $1.name }
            let start = bytes.count
            let prefix = relative.isEmpty ? "/" : "/" + relative + "/"
            for entry in sorted where entry.kind != .folder {
                if entry.kind == .symbolicLink { walked.links.append(relative.isEmpty ? entry.name : relative + "/" + entry.name) }
                var info = stat()
                guard fstatat(descriptor, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                bytes.append(contentsOf: prefix.utf8)
                bytes.append(contentsOf: entry.name.utf8)
                bytes.append(UInt8(ascii: " "))
                appendDecimal(Int64(info.st_size))
                bytes.append(UInt8(ascii: " "))
                appendDecimal(Int64(info.st_mtim.tv_sec))
                bytes.append(UInt8(ascii: "."))
                appendDecimal(Int64(info.st_mtim.tv_nsec))
                bytes.append(UInt8(ascii: "\n"))
            }
            if bytes.count > start { folders.append(Folder(path: relative, lines: start..<bytes.count)) }
            for entry in sorted where entry.kind == .folder {
                list(entry.name, in: descriptor, relative: relative.isEmpty ? entry.name : relative + "/" + entry.name)
            }
        }
    }

    /// A number in decimal, without making a String of it (one per file and field).
    private mutating func appendDecimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }
}

/// A folder's entries by folder (relative, "" for the walked folder itself) and the relative
/// paths of its symbolic links, which the walk did not follow.
struct WalkedFolders: Sendable {
    var entries: [String: [FolderEntry]] = [:]
    var links: [String] = []
}
