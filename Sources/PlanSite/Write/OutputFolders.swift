import Foundation

/// What an output folder may be besides a plain folder: a mount point, or the previous site
/// made read-only by its owner.
enum OutputFolders {
    /// Whether `path` is a folder on another file system than its parent's (a mount point): it
    /// can be neither renamed nor replaced, only updated in place.
    static func isMountPoint(_ path: String) -> Bool {
        var folder = stat(), parent = stat()
        let parentPath = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard stat(path, &folder) == 0, (folder.st_mode & S_IFMT) == S_IFDIR, stat(parentPath, &parent) == 0
        else { return false }
        return folder.st_dev != parent.st_dev
    }

    /// Removes a folder this build moved aside, making its folders writable first: a site whose
    /// owner made it read-only is still the build's to remove. What cannot be removed is left.
    static func removeTree(_ path: String) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return }
        if (try? manager.removeItem(atPath: path)) != nil { return }
        _ = chmod(path, 0o755)
        for case let relative as String in manager.enumerator(atPath: path) ?? FileManager.DirectoryEnumerator() {
            var info = stat()
            let full = path + "/" + relative
            if lstat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { _ = chmod(full, 0o755) }
        }
        try? manager.removeItem(atPath: path)
    }
}

extension OutputWriter {
    /// The output folder is a mount point: the staged files are copied into it, each to a name
    /// beside its place and renamed there (so that no page is ever half written), and the files
    /// the previous build wrote that this one no longer makes are removed. Nothing else in it
    /// is touched.
    func commitIntoMountedFolder() throws -> [String: BuildManifest.Entry] {
        let manager = FileManager.default
        for case let relative as String in manager.enumerator(atPath: stagingPath) ?? FileManager.DirectoryEnumerator()
        {
            let staged = stagingPath + "/" + relative, target = outputPath + "/" + relative
            var info = stat()
            guard lstat(staged, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try PlainFile.makeFolder(target)
                continue
            }
            let incoming = target + ".plansite-new"
            try? manager.removeItem(atPath: incoming)
            try manager.copyItem(atPath: staged, toPath: incoming)
            guard rename(incoming, target) == 0 else { throw PlainFile.WriteFailure(path: target, code: errno) }
        }
        let files = finishedFiles()
        for path in previous.keys where files[path] == nil { unlink(outputPath + "/" + path) }
        try? manager.removeItem(atPath: stagingPath)
        // Files now carry the times of their copies: the record holds those.
        var copied = files
        for (path, entry) in files {
            guard let modified = BuildManifest.modified(outputPath + "/" + path, size: entry.size) else { continue }
            copied[path] = BuildManifest.Entry(
                hash: entry.hash, size: entry.size, modified: modified,
                reuseKey: entry.reuseKey)
        }
        return copied
    }
}
