import Foundation

/// Writes a build into a staging folder beside the output folder, then swaps it in, so a
/// build that fails or is interrupted leaves the previous site exactly as it was.
public final class OutputWriter: @unchecked Sendable {
    /// Marks a folder as written by PlanSite: only such a folder is ever replaced.
    public static let markerName = ".plansite-output"

    public let output: URL
    let staging: URL
    private let fileManager = FileManager.default
    /// Folders made so far; written from several render threads, so guarded by `lock`.
    private var createdFolders: Set<String> = []
    private let lock = NSLock()

    /// The two folders as paths: every file is written below one of them, and building a URL
    /// per file cost more than writing it.
    private let stagingPath: String
    private let outputPath: String

    public init(output: URL) {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).plansite-staging")
        stagingPath = staging.path
        outputPath = self.output.path
    }

    /// Refuses an output folder that would destroy something that is not a PlanSite build.
    public func check(protecting folders: [URL]) -> Diagnostic? {
        restoreAfterInterruptedSwap()
        let shown = DisplayPath.of(output)
        for folder in folders {
            let protected = folder.standardizedFileURL.path
            if protected == output.path || protected.hasPrefix(output.path + "/") {
                return .error(SourceLocation(path: shown), "the output folder contains \(DisplayPath.of(folder)); choose another --output")
            }
        }
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .error(SourceLocation(path: shown), "the output path exists and is not a folder")
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty && !entries.contains(Self.markerName) {
            return .error(SourceLocation(path: shown),
                          "the output folder exists and was not written by PlanSite (no \(Self.markerName)); it is left alone: remove it or choose another --output")
        }
        return nil
    }

    /// What the previous build wrote (empty when there was none or its manifest is not usable).
    private var previous: [String: BuildManifest.Entry] = [:]
    /// What this build writes, recorded as files are written.
    private var written: [String: BuildManifest.Entry] = [:]
    /// Files this build left as the previous one wrote them.
    public private(set) var keptFiles = 0

    /// The input fingerprint recorded by the previous build, if its output is still there.
    public var previousFingerprint: String? {
        guard fileManager.fileExists(atPath: output.appendingPathComponent(Self.markerName).path) else { return nil }
        return BuildManifest.read(at: manifest)?.fingerprint
    }

    /// Beside the output folder, like the staging folder.
    var manifest: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).plansite-manifest")
    }

    /// Starts a fresh staging folder (a leftover from an interrupted build is removed).
    public func begin() throws {
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        createdFolders = [stagingPath]
        previous = BuildManifest.read(at: manifest)?.files ?? [:]
        written = [:]
        keptFiles = 0
    }

    /// Writes one file of the site; `relativePath` must stay inside the output folder.
    public func write(_ relativePath: String, _ data: Data) throws {
        try OutputPath.check(relativePath)
        let path = stagingPath + "/" + relativePath
        if let slash = path.lastIndex(of: "/") {
            let folder = String(path[..<slash])
            lock.lock()
            let known = createdFolders.contains(folder)
            lock.unlock()
            if !known {
                try PlainFile.makeFolder(folder)
                lock.lock()
                createdFolders.insert(folder)
                lock.unlock()
            }
        }
        let hash = BuildManifest.hash(data)
        // The same bytes as last time, and the old file untouched since: it is linked into the
        // new build rather than written again, so it keeps its modification time.
        if let last = previous[relativePath], last.hash == hash, last.size == data.count {
            let old = outputPath + "/" + relativePath
            if BuildManifest.modified(old, size: data.count) == last.modified, link(old, path) == 0 {
                record(relativePath, last, kept: true)
                return
            }
        }
        try PlainFile.write(data, to: path)
        record(relativePath, BuildManifest.Entry(hash: hash, size: data.count, modified: BuildManifest.modified(path) ?? 0), kept: false)
    }

    private func record(_ relativePath: String, _ entry: BuildManifest.Entry, kept: Bool) {
        lock.lock()
        written[relativePath] = entry
        if kept { keptFiles += 1 }
        lock.unlock()
    }

    /// Puts the staged build in place of the output folder, then its manifest beside it.
    public func commit(fingerprint: String = "") throws {
        try Data("PlanSite output folder: replaced whole by each build.\n".utf8)
            .write(to: staging.appendingPathComponent(Self.markerName))
        // The old manifest goes first: from here until the new one is in place there is none,
        // and a build interrupted in between makes the next one write every file, which is safe.
        try? fileManager.removeItem(at: manifest)
        try? fileManager.removeItem(at: retired)
        if fileManager.fileExists(atPath: output.path) {
            try fileManager.moveItem(at: output, to: retired)
        }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            // Put the previous site back rather than leave no site at all.
            try? fileManager.moveItem(at: retired, to: output)
            throw error
        }
        try? fileManager.removeItem(at: retired)
        try? BuildManifest(fingerprint: fingerprint, files: written).serialized().write(to: manifest, options: .atomic)
    }

    private var retired: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).plansite-old")
    }

    /// `commit` swaps by two renames; a build killed between them (SIGKILL, power loss) leaves
    /// the previous site under the retired name and none at the output path. Put it back
    /// before anything else, so the previous site is never lost.
    private func restoreAfterInterruptedSwap() {
        if !fileManager.fileExists(atPath: output.path) && fileManager.fileExists(atPath: retired.path) {
            try? fileManager.moveItem(at: retired, to: output)
        }
    }

    public func discard() {
        try? fileManager.removeItem(at: staging)
    }
}
