import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One name in a folder and what the folder listing says it is.
struct FolderEntry: Sendable {
    enum Kind: Sendable {
        case folder
        case symbolicLink
        /// A regular file, or anything else that is neither a folder nor a link.
        case file
    }

    let name: String
    /// As the entry itself is: a symbolic link is a link, whatever it leads to.
    let kind: Kind
}

/// A folder's entries read with openat/readdir. The folder listing tells each entry's kind
/// (d_type) with its name, so a walk over the 10,000 event folders of a large site needs no
/// stat to tell folders from files; FileManager's listing gave only names, and every caller
/// stat'ed every name again, by its whole path.
enum FolderEntries {
    /// The entries of the folder `name` (a path, or a name inside the open folder `parent`),
    /// without "." and "..", in the order the file system gives them; nil when it cannot be
    /// opened. `body` gets the open folder's descriptor: a walk opens and stats each entry
    /// relative to it, where a whole path is looked up again component by component.
    static func read<Result>(
        _ name: String, in parent: Int32 = AT_FDCWD,
        _ body: (_ descriptor: Int32, _ entries: [FolderEntry]) -> Result
    ) -> Result? {
        let opened = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard opened >= 0 else { return nil }
        guard let folder = fdopendir(opened) else {
            close(opened)
            return nil
        }
        defer { closedir(folder) }
        let descriptor = dirfd(folder)
        var entries: [FolderEntry] = []
        while let entry = readdir(folder) {
            let type = entry.pointee.d_type
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            entries.append(FolderEntry(name: name, kind: kind(type, name: name, in: descriptor)))
        }
        return body(descriptor, entries)
    }

    /// The entries of the folder at `path`; empty when it cannot be opened.
    static func read(_ path: String) -> [FolderEntry] {
        read(path) { _, entries in entries } ?? []
    }

    /// Some file systems leave d_type unknown: only then is the entry looked at (not followed).
    private static func kind(_ type: UInt8, name: String, in descriptor: Int32) -> FolderEntry.Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_LNK): return .symbolicLink
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .file }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFLNK: return .symbolicLink
            default: return .file
            }
        default: return .file
        }
    }
}
