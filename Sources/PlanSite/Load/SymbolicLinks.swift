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

    /// Every offending link below `root`, sorted; links are never followed while searching.
    static func escapes(below root: URL) -> [Escape] {
        let manager = FileManager.default
        let base = root.resolvingSymlinksInPath().path
        var found: [Escape] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root.appendingPathComponent(relative)
            let folderPath = folder.path
            for name in (try? manager.contentsOfDirectory(atPath: folderPath)) ?? [] {
                let path = relative.isEmpty ? name : relative + "/" + name
                // lstat, not FileManager's attributes: this looks at every file of the site.
                var info = stat()
                guard lstat(folderPath + "/" + name, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else if (info.st_mode & S_IFMT) == S_IFLNK {
                    let url = root.appendingPathComponent(path)
                    let target = url.resolvingSymlinksInPath().path
                    let parent = url.deletingLastPathComponent().resolvingSymlinksInPath().path
                    let inside = target == base || target.hasPrefix(base + "/")
                    let loop = parent == target || parent.hasPrefix(target + "/")
                    if !inside || loop {
                        found.append(Escape(relative: path, destination: target, isLoop: inside && loop))
                    }
                }
            }
        }
        return found.sorted { $0.relative < $1.relative }
    }

    /// The diagnostic for a refused link, naming it.
    static func message(_ escape: Escape, folder: String) -> String {
        escape.isLoop
            ? "symbolic link '\(escape.relative)' leads back into a folder that holds it (\(escape.destination)); remove it"
            : "symbolic link '\(escape.relative)' leads outside the \(folder) folder (to \(escape.destination)); copy the file in instead"
    }
}
