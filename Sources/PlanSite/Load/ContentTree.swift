import Foundation

/// The content folder on disk, and how its paths are shown in diagnostics.
struct ContentTree: Sendable {
    let root: URL
    /// The root as shown to the user: relative to the working folder where it lies inside it.
    let displayRoot: String
    /// Symbolic links that lead outside the folder: reported once, then never listed or read.
    private(set) var refused: Set<String> = []

    /// Content files are pages of text, a few kilobytes each (the largest real one is under
    /// 20 KB); a file far larger is a mistake (a pasted export, a binary) and is refused
    /// before it is read, so it cannot make a build slow or exhaust memory.
    static let maximumFileSize = 1 << 20

    init(root: URL) {
        self.root = root.standardizedFileURL
        self.displayRoot = DisplayPath.of(self.root)
    }

    /// Reports and sets aside every symbolic link that leads outside the folder.
    mutating func refuseEscapingLinks(log: inout DiagnosticLog) {
        for escape in SymbolicLinks.escapes(below: root) {
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

    func isDirectory(_ relative: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(relative).path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relative).path)
    }

    /// Names in a folder, sorted so every run reads in the same order; hidden files skipped.
    func children(_ relative: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []
        return names.filter { name in
            !name.hasPrefix(".") && !refused.contains(relative.isEmpty ? name : relative + "/" + name)
        }.sorted()
    }

    func read(_ relative: String, log: inout DiagnosticLog) -> SourceFile? {
        let shown = display(relative)
        guard !refused.contains(relative) else { return nil }
        let size = ((try? FileManager.default.attributesOfItem(atPath: url(relative).path))?[.size] as? NSNumber)?.intValue
        if let size, size > Self.maximumFileSize {
            log.error(SourceLocation(path: shown),
                      "file is too large (\(size) bytes; the limit is \(Self.maximumFileSize) bytes): a content file is a page of text")
            return nil
        }
        // Foundation's `contents(atPath:)` leaks its 4 KB read buffer on an empty file
        // (AddressSanitizer's leak check, issue 5); an empty file needs no reading.
        guard let data = size == 0 ? Data() : FileManager.default.contents(atPath: url(relative).path) else {
            log.error(SourceLocation(path: shown), "cannot read file")
            return nil
        }
        switch SourceFile.decode(data, displayPath: shown) {
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
