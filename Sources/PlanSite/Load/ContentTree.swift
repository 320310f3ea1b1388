import Foundation

/// The content folder on disk, and how its paths are shown in diagnostics.
struct ContentTree: Sendable {
    let root: URL
    /// The root as a path: every file's path is built from it (URLs cost more than the reads).
    let rootPath: String
    /// The root as shown to the user: relative to the working folder where it lies inside it.
    let displayRoot: String
    /// Symbolic links that lead outside the folder: reported once, then never listed or read.
    private(set) var refused: Set<String> = []
    /// Each folder's entries as the search for those links read them: the loader lists its
    /// folders from these rather than reading all 10,000 event folders a second time.
    private var listed: [String: [FolderEntry]] = [:]

    /// Content files are pages of text, a few kilobytes each (the largest real one is under
    /// 20 KB); a file far larger is a mistake (a pasted export, a binary) and is refused
    /// before it is read, so it cannot make a build slow or exhaust memory.
    static let maximumFileSize = 1 << 20

    init(root: URL) {
        self.root = root.standardizedFileURL
        self.rootPath = self.root.path
        self.displayRoot = DisplayPath.of(self.root)
    }

    /// Reports and sets aside every symbolic link that leads outside the folder; `walked` is the
    /// folder as this build's input listing already read it, when there is one.
    mutating func refuseEscapingLinks(log: inout DiagnosticLog, walked: WalkedFolders? = nil) {
        let scan = walked.map { SymbolicLinks.scan($0, below: root) } ?? SymbolicLinks.scan(below: root)
        listed = scan.folders
        for escape in scan.escapes {
            log.error(SourceLocation(path: display(escape.relative)), SymbolicLinks.message(escape, folder: "content"))
            refused.insert(escape.relative)
        }
    }

    func url(_ relative: String) -> URL {
        relative.isEmpty ? root : root.appendingPathComponent(relative)
    }

    func display(_ relative: String) -> String {
        relative.isEmpty ? displayRoot : (displayRoot == "." ? relative : displayRoot + "/" + relative)
    }

    func path(_ relative: String) -> String {
        relative.isEmpty ? rootPath : rootPath + "/" + relative
    }

    /// Information on the file or folder, following a symbolic link (those that lead outside
    /// are refused before anything is read).
    private func status(_ relative: String) -> stat? {
        var info = stat()
        return stat(path(relative), &info) == 0 ? info : nil
    }

    func isDirectory(_ relative: String) -> Bool {
        status(relative).map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false
    }

    func exists(_ relative: String) -> Bool {
        status(relative) != nil
    }

    /// A name in a content folder, and whether it is a folder (following a symbolic link).
    struct Entry {
        let name: String
        let isDirectory: Bool
    }

    /// A folder's entries, sorted so every run reads in the same order; hidden files and refused
    /// links skipped. The folder listing tells folders from files: only a symbolic link is
    /// stat'ed, to learn what it leads to.
    func entries(_ relative: String) -> [Entry] {
        let listing = listed[relative] ?? FolderEntries.read(path(relative))
        return listing.compactMap { entry -> Entry? in
            guard !entry.name.hasPrefix("."),
                refused.isEmpty || !refused.contains(relative.isEmpty ? entry.name : relative + "/" + entry.name)
            else { return nil }
            switch entry.kind {
            case .folder: return Entry(name: entry.name, isDirectory: true)
            case .file: return Entry(name: entry.name, isDirectory: false)
            case .symbolicLink:
                return Entry(
                    name: entry.name,
                    isDirectory: isDirectory(relative.isEmpty ? entry.name : relative + "/" + entry.name))
            }
        }.sorted { $0.name < $1.name }
    }

    /// Why a folder cannot be listed (`Permission denied`), or nil when it can. A folder that
    /// cannot be read lists as empty; asked only then, so it is not taken for an empty one.
    func unreadable(_ relative: String) -> String? {
        if listed[relative] != nil { return nil }
        let descriptor = open(path(relative), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor < 0 else {
            close(descriptor)
            return nil
        }
        return String(cString: strerror(errno))
    }

    /// Reports a folder that cannot be listed; true when it can.
    func isReadable(_ relative: String, log: inout DiagnosticLog) -> Bool {
        guard let reason = unreadable(relative) else { return true }
        log.error(SourceLocation(path: display(relative)), "cannot read the folder: \(reason)")
        return false
    }

    /// Names in a folder, sorted so every run reads in the same order; hidden files skipped.
    func children(_ relative: String) -> [String] {
        entries(relative).map(\.name)
    }

    func read(_ relative: String, log: inout DiagnosticLog) -> SourceFile? {
        let shown = display(relative)
        guard !refused.contains(relative) else { return nil }
        let size = status(relative).map { Int($0.st_size) }
        if let size, size > Self.maximumFileSize {
            log.error(
                SourceLocation(path: shown),
                "file is too large (\(size) bytes; the limit is \(Self.maximumFileSize) bytes): "
                    + "a content file is a page of text"
            )
            return nil
        }
        guard let size, let bytes = size == 0 ? [] : PlainFile.readBytes(path(relative), size: size) else {
            log.error(SourceLocation(path: shown), "cannot read file")
            return nil
        }
        switch SourceFile.decode(bytes: bytes, displayPath: shown) {
        case .success(let file): return file
        case .failure(let diagnostic):
            log.add(diagnostic)
            return nil
        }
    }
}

/// Paths as the user should see them: relative to the working folder when inside it.
enum DisplayPath {
    static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if path == cwd { return "." }
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
