import Foundation

/// Where a build writes, with symbolic links followed: an output path that is a link to a
/// folder is updated through the link (the link stays), and folders are compared as the
/// system finds them, so that a link cannot hide an output folder inside the content.
enum OutputLocation {
    /// The folder `output` names: where it leads when it is a symbolic link to a folder.
    static func resolved(_ output: URL) -> URL {
        let path = output.standardizedFileURL.path
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK,
            stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR
        else { return output.standardizedFileURL }
        return URL(fileURLWithPath: realPath(path))
    }

    /// The path with every symbolic link resolved, as far as it exists; the rest appended.
    static func realPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while existing.path != "/" {
            if let resolved = realpath(existing.path, nil) {
                defer { free(resolved) }
                return ([String(cString: resolved)] + rest.reversed()).joined(separator: "/")
            }
            rest.append(existing.lastPathComponent)
            existing.deleteLastPathComponent()
        }
        return "/" + rest.reversed().joined(separator: "/")
    }

    /// Whether `inner` is `outer` or lies inside it, both with links resolved.
    static func isInside(_ inner: URL, _ outer: URL) -> Bool {
        let inner = realPath(inner.path), outer = realPath(outer.path)
        return inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }
}
