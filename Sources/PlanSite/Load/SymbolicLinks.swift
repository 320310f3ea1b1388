import Foundation

/// Symbolic links inside a content or theme folder that lead out of it (or back into one of
/// their own parent folders, which would make the folder endless). Content comes from many
/// hands: a link to `/etc` or to a colleague's home folder must never be published (issue 5).
enum SymbolicLinks {
    struct Escape {
        /// The link, relative to the folder.
        let relative: String
        /// Where it leads, as the file system resolves it.
        let destination: String
        let isLoop: Bool
    }

    /// What a search found, and every folder's entries as it read them.
    struct Scan {
        /// Sorted by path.
        let escapes: [Escape]
        /// By folder, relative to the searched folder ("" for itself); links are not followed,
        /// so the folders they lead to are not here.
        let folders: [String: [FolderEntry]]
    }

    /// Every offending link below `root`, sorted; links are never followed while searching.
    static func escapes(below root: URL) -> [Escape] {
        scan(below: root).escapes
    }

    /// Searches every folder below `root`. Only links are resolved: the folder listing tells
    /// them from files and folders, so nothing else is stat'ed (this runs over every folder of
    /// the site on every build).
    static func scan(below root: URL) -> Scan {
        var walked = WalkedFolders()
        func search(_ name: String, in parent: Int32, relative: String) {
            _ = FolderEntries.read(name, in: parent) { descriptor, entries in
                walked.entries[relative] = entries
                for entry in entries {
                    let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                    switch entry.kind {
                    case .folder: search(entry.name, in: descriptor, relative: path)
                    case .symbolicLink: walked.links.append(path)
                    case .file: continue
                    }
                }
            }
        }
        search(root.path, in: AT_FDCWD, relative: "")
        return scan(walked, below: root)
    }

    /// The same search over folders already walked (by the input fingerprint's listing): only
    /// the links are looked at again.
    static func scan(_ walked: WalkedFolders, below root: URL) -> Scan {
        let base = root.resolvingSymlinksInPath().path
        var found: [Escape] = []
        for path in walked.links {
            let url = root.appendingPathComponent(path)
            let target = url.resolvingSymlinksInPath().path
            let parent = url.deletingLastPathComponent().resolvingSymlinksInPath().path
            let inside = target == base || target.hasPrefix(base + "/")
            let loop = parent == target || parent.hasPrefix(target + "/")
            if !inside || loop {
                found.append(Escape(relative: path, destination: target, isLoop: inside && loop))
            }
        }
        return Scan(escapes: found.sorted { $0.relative < $1.relative }, folders: walked.entries)
    }

    /// The diagnostic for a refused link, naming it.
    static func message(_ escape: Escape, folder: String) -> String {
        escape.isLoop
            ? "symbolic link '\(escape.relative)' leads back into a folder that holds it (\(escape.destination)); "
                + "remove it"
            : "symbolic link '\(escape.relative)' leads outside the \(folder) folder (to \(escape.destination)); "
                + "copy the file in instead"
    }
}
