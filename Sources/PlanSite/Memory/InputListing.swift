import Foundation

/// Every file below a folder as the input fingerprint sees it: one record per file, its path
/// relative to the folder (`/events/2025/forum/en.md`), a NUL, then its size and modification
/// time (seconds, nanoseconds) as three 64-bit little-endian numbers, written into one buffer.
///
/// Folders are listed one at a time: a folder's files (sorted by name), then its sub-folders
/// (sorted by name), so the records of the files directly in one folder are next to each other
/// and an event folder's digest is taken from its stretch of the buffer, without a copy.
/// Links are listed as links, never followed; folders are folders, whatever they hold.
struct InputListing {
    /// A folder that directly holds files, and where their records are in `bytes`.
    struct Folder {
        /// Relative to the listed folder, without a leading slash; empty for the folder itself.
        let path: String
        let lines: Range<Int>
    }

    private(set) var bytes: [UInt8] = []
    /// In the order their records are in `bytes`.
    private(set) var folders: [Folder] = []
    /// Every folder's entries and every link, as this walk read them: the content loader takes
    /// its folder listings and its search for escaping links from here instead of walking the
    /// 10,000 event folders of a large site a second time.
    private(set) var walked = WalkedFolders()

    /// Lists `root`. The folders two levels down (`events/2025`, `areas/water`, …), where a
    /// large site's files are, are listed on every core, then put back where a walk on one
    /// thread lists them: the records are the same bytes in the same order.
    init(of root: String) {
        var deferring: [Deferred]? = []
        list(root, in: AT_FDCWD, relative: "", deferring: &deferring)
        guard let deferred = deferring, !deferred.isEmpty else { return }
        let listed = ParallelMap.map(deferred) {
            InputListing(subtree: root + "/" + $0.relative, relative: $0.relative)
        }
        splice(listed, at: deferred)
    }

    /// A folder left for later, and where its records go: before the record and folder that
    /// the walk had reached, and before the link it had reached.
    private struct Deferred: Sendable {
        let relative: String
        let byte: Int
        let folder: Int
        let link: Int
    }

    /// Lists the folder at `path` (`relative` to the listed root) on this thread only.
    init(subtree path: String, relative: String) {
        var none: [Deferred]?
        list(path, in: AT_FDCWD, relative: relative, deferring: &none)
    }

    /// Puts the deferred folders' listings in their places.
    private mutating func splice(_ listed: [InputListing], at deferred: [Deferred]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(self.bytes.count + listed.reduce(0) { $0 + $1.bytes.count })
        var folders: [Folder] = []
        var links: [String] = []
        var (byte, folder, link) = (0, 0, 0)
        func takeOwn(upTo end: (byte: Int, folder: Int, link: Int)) {
            let shift = bytes.count - byte
            bytes.append(contentsOf: self.bytes[byte..<end.byte])
            for own in self.folders[folder..<end.folder] {
                folders.append(
                    Folder(path: own.path, lines: own.lines.lowerBound + shift..<own.lines.upperBound + shift))
            }
            links.append(contentsOf: walked.links[link..<end.link])
            (byte, folder, link) = end
        }
        for (place, sub) in zip(deferred, listed) {
            takeOwn(upTo: (place.byte, place.folder, place.link))
            let shift = bytes.count
            bytes.append(contentsOf: sub.bytes)
            for inner in sub.folders {
                folders.append(
                    Folder(path: inner.path, lines: inner.lines.lowerBound + shift..<inner.lines.upperBound + shift))
            }
            links.append(contentsOf: sub.walked.links)
            walked.entries.merge(sub.walked.entries) { own, _ in own }
        }
        takeOwn(upTo: (self.bytes.count, self.folders.count, walked.links.count))
        self.bytes = bytes
        self.folders = folders
        walked.links = links
    }

    /// The records of one folder's files, for hashing.
    func withLines<Result>(of folder: Folder, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[folder.lines])) }
    }

    /// Lists the folder `name` (in the open folder `parent`) and what it holds. With `deferring`,
    /// a folder two levels below the root is not listed but added to it, to be listed later.
    private mutating func list(_ name: String, in parent: Int32, relative: String, deferring: inout [Deferred]?) {
        _ = FolderEntries.read(name, in: parent) { descriptor, entries in
            walked.entries[relative] = entries
            let sorted = entries.sorted { $0.name < $1.name }
            let start = bytes.count
            let prefix = relative.isEmpty ? "/" : "/" + relative + "/"
            for entry in sorted where entry.kind != .folder {
                if entry.kind == .symbolicLink {
                    walked.links.append(relative.isEmpty ? entry.name : relative + "/" + entry.name)
                }
                var info = stat()
                guard fstatat(descriptor, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                bytes.append(contentsOf: prefix.utf8)
                bytes.append(contentsOf: entry.name.utf8)
                // A path holds no NUL byte: the numbers after it cannot be taken for part of it.
                bytes.append(0)
                appendNumber(Int64(info.st_size))
                appendNumber(Int64(info.st_mtim.tv_sec))
                appendNumber(Int64(info.st_mtim.tv_nsec))
            }
            if bytes.count > start { folders.append(Folder(path: relative, lines: start..<bytes.count)) }
            for entry in sorted where entry.kind == .folder {
                let inner = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if deferring != nil, !relative.isEmpty, !relative.contains("/") {
                    deferring?.append(
                        Deferred(relative: inner, byte: bytes.count, folder: folders.count, link: walked.links.count))
                } else {
                    list(entry.name, in: descriptor, relative: inner, deferring: &deferring)
                }
            }
        }
    }

    /// A number as its eight bytes: the listing is only hashed, and writing 120,000 numbers in
    /// decimal was a tenth of the time taken to list a large site.
    private mutating func appendNumber(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// A folder's entries by folder (relative, "" for the walked folder itself) and the relative
/// paths of its symbolic links, which the walk did not follow.
struct WalkedFolders: Sendable {
    var entries: [String: [FolderEntry]] = [:]
    var links: [String] = []
}
