import Foundation

/// The content folder on disk, and how its paths are shown in diagnostics.
struct ContentTree {
    let root: URL
    /// The root as shown to the user: relative to the working folder where it lies inside it.
    let displayRoot: String

    init(root: URL) {
        self.root = root.standardizedFileURL
        self.displayRoot = DisplayPath.of(self.root)
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
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    func read(_ relative: String, log: inout DiagnosticLog) -> SourceFile? {
        let shown = display(relative)
        guard let data = FileManager.default.contents(atPath: url(relative).path) else {
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
