import Foundation

/// Writes a build into a staging folder beside the output folder, then swaps it in, so a
/// build that fails or is interrupted leaves the previous site exactly as it was.
///
/// With the memory of the previous build's files (`BuildMemory.previousOutput`), unchanged files
/// are left alone and the output is updated in place instead, changed files only, through a
/// journal (`UpdateJournal`) that the next run finishes if this one is interrupted.
final class OutputWriter: @unchecked Sendable {
    /// Marks a folder as written by PlanSite: only such a folder is ever replaced.
    public static let markerName = ".plansite-output"

    let output: URL
    let staging: URL
    let memory: BuildMemory
    private let fileManager = FileManager.default
    /// Folders made so far; written from several render threads, so guarded by `lock`.
    private var createdFolders: Set<String> = []
    private let lock = NSLock()

    /// The two folders as paths: every file is written below one of them, and building a URL
    /// per file cost more than writing it.
    let stagingPath: String
    let outputPath: String

    init(output: URL, memory: BuildMemory) {
        self.output = output.standardizedFileURL
        self.memory = memory
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).plansite-staging")
        stagingPath = staging.path
        outputPath = self.output.path
    }

    /// Refuses an output folder that would destroy something that is not a PlanSite build.
    func check(protecting folders: [URL]) -> Diagnostic? {
        restoreAfterInterruptedSwap()
        finishInterruptedUpdate()
        let shown = DisplayPath.of(output)
        for folder in folders {
            if OutputLocation.isInside(folder, output) {
                return .error(
                    SourceLocation(path: shown),
                    "the output folder contains \(DisplayPath.of(folder)); choose another --output")
            }
            if OutputLocation.isInside(output, folder) {
                return .error(
                    SourceLocation(path: shown),
                    "the output folder is inside \(DisplayPath.of(folder)), which the build reads; "
                        + "choose an --output outside it")
            }
        }
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .error(SourceLocation(path: shown), "the output path exists and is not a folder")
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty && !entries.contains(Self.markerName) {
            return .error(
                SourceLocation(path: shown),
                "the output folder exists and was not written by PlanSite (no \(Self.markerName)); it is left alone: "
                    + "remove it or choose another --output"
            )
        }
        return nil
    }

    /// What the previous build wrote (empty when there was none or its manifest is not usable).
    private(set) var previous: [String: BuildManifest.Entry] = [:]
    /// What this build writes, recorded as files are written.
    private var written: [String: BuildManifest.Entry] = [:]
    /// Files this build left as the previous one wrote them, through `write`.
    private var keptWhenWritten = 0
    /// Files this build left as the previous one wrote them.
    public var keptFiles: Int { keptWhenWritten + reusedFiles }
    /// Of those, files kept without being rendered at all (`reuse`): one flag per entry of the
    /// previous manifest, by position. Each path is taken by one render thread at most, so
    /// they need no lock; recording 60,000 kept files under one made the threads wait on
    /// each other (futex calls were 4% of a one-edit rebuild).
    private var reusedFlags = UnsafeMutableBufferPointer<Bool>(start: nil, count: 0)
    public var reusedFiles: Int { reusedFlags.reduce(0) { $0 + ($1 ? 1 : 0) } }
    /// Files written or kept through `write` at a path the previous build wrote: with the
    /// files kept by `reuse`, when that is all of them, no file is left to remove, and 60,000
    /// paths need not be looked up to find out.
    private var replacedWhenWritten = 0
    /// True when this build updates the previous output in place (see `begin`).
    private var updatesInPlace = false
    /// Files written to the staging folder by an in-place update, to be moved in.
    private var staged: [String] = []

    /// Starts a fresh staging folder (a leftover from an interrupted build is removed).
    ///
    /// With a usable manifest of the previous build and its output in place, the build updates
    /// that output in place: only changed files are staged, then moved in (`UpdateJournal`).
    /// Otherwise the whole site is staged and swapped in at once.
    public func begin() throws {
        finishInterruptedUpdate()
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        createdFolders = [stagingPath]
        let last = memory.previousOutput()
        previous = last?.files ?? [:]
        // A mount point is updated by copies (`commitIntoMountedFolder`): files cannot be moved into it.
        updatesInPlace =
            last != nil && memory.updateJournal != nil
            && fileManager.fileExists(atPath: outputPath + "/" + Self.markerName)
            && !OutputFolders.isMountPoint(outputPath)
        if outputDescriptor >= 0 { close(outputDescriptor) }
        outputDescriptor = last == nil ? -1 : open(outputPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        written = [:]
        staged = []
        keptWhenWritten = 0
        replacedWhenWritten = 0
        reusedFlags.deallocate()
        reusedFlags = .allocate(capacity: previous.count)
        reusedFlags.initialize(repeating: false)
    }

    /// Writes one file of the site; `relativePath` must stay inside the output folder.
    /// `reuseKey` is what the file was made from, when the builder can tell (see `reuse`).
    func write(_ relativePath: String, _ data: Data, reuseKey: UInt64? = nil) throws {
        try data.withUnsafeBytes { try write(relativePath, bytes: $0, reuseKey: reuseKey) }
    }

    /// A rendered page or file, written from the text's own bytes: no copy of a file that can
    /// be tens of megabytes (a language's calendar at 100,000 events).
    func write(_ relativePath: String, text: String, reuseKey: UInt64? = nil) throws {
        var text = text
        try text.withUTF8 { try write(relativePath, bytes: UnsafeRawBufferPointer($0), reuseKey: reuseKey) }
    }

    func write(_ relativePath: String, bytes: [UInt8], reuseKey: UInt64? = nil) throws {
        try bytes.withUnsafeBytes { try write(relativePath, bytes: $0, reuseKey: reuseKey) }
    }

    private func write(_ relativePath: String, bytes: UnsafeRawBufferPointer, reuseKey: UInt64?) throws {
        try OutputPath.check(relativePath)
        let hash = WordHash.of(bytes)
        // The same bytes as last time, and the old file untouched since: it is kept rather
        // than written again, so it keeps its inode and modification time.
        let previousEntry = previous[relativePath]
        if var last = previousEntry, last.hash == hash, last.size == bytes.count, try keepPrevious(relativePath, last) {
            last.reuseKey = reuseKey
            record(relativePath, last, kept: true, replaces: true)
            return
        }
        let path = try stagedPath(relativePath)
        let status = try PlainFile.write(bytes, to: path)
        record(
            relativePath,
            BuildManifest.Entry(
                hash: hash, size: bytes.count, modified: BuildManifest.modified(status) ?? 0,
                reuseKey: reuseKey), kept: false, replaces: previousEntry != nil)
        if updatesInPlace {
            lock.lock()
            staged.append(relativePath)
            lock.unlock()
        }
    }

    /// Keeps the previous build's file when it was made from the same inputs (`reuseKey`) and
    /// nobody touched it since; false when it must be rendered and written.
    func reuse(_ relativePath: String, reuseKey: UInt64) throws -> Bool {
        // A path is in `previous` only if the manifest's reader found it safe (`BuildManifest`).
        guard let last = previous[relativePath], last.reuseKey == reuseKey,
            reusedFlags.indices.contains(last.ordinal)
        else { return false }
        guard try keepPrevious(relativePath, last) else { return false }
        reusedFlags[last.ordinal] = true
        return true
    }

    /// Keeps the previous build's file if it is still as recorded: left where it is by an
    /// in-place update, hard-linked into the staging folder otherwise.
    private func keepPrevious(_ relativePath: String, _ last: BuildManifest.Entry) throws -> Bool {
        guard modifiedInOutput(relativePath, size: last.size) == last.modified else { return false }
        if updatesInPlace { return true }
        return link(outputPath + "/" + relativePath, try stagedPath(relativePath)) == 0
    }

    /// The output folder, open: a rebuild looks at every file it keeps, and a path looked up
    /// from the folder itself is shorter to resolve (and needs no string of its own).
    /// Opened by `begin`, before any render thread asks.
    private var outputDescriptor: Int32 = -1

    deinit {
        if outputDescriptor >= 0 { close(outputDescriptor) }
        reusedFlags.deallocate()
    }

    /// A file's modification time in nanoseconds when it is a regular file of `size` bytes in
    /// the output folder; nil otherwise.
    private func modifiedInOutput(_ relativePath: String, size: Int) -> Int64? {
        let folder = outputDescriptor
        guard folder >= 0 else { return BuildManifest.modified(outputPath + "/" + relativePath, size: size) }
        var info = stat()
        guard fstatat(folder, relativePath, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return BuildManifest.modified(info, size: size)
    }

    /// Where a file goes in the staging folder; its folder is made the first time.
    private func stagedPath(_ relativePath: String) throws -> String {
        let path = stagingPath + "/" + relativePath
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
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
        return path
    }

    /// - Parameter replaces: the previous build wrote this path too.
    private func record(_ relativePath: String, _ entry: BuildManifest.Entry, kept: Bool, replaces: Bool) {
        lock.lock()
        written[relativePath] = entry
        if kept { keptWhenWritten += 1 }
        if replaces { replacedWhenWritten += 1 }
        lock.unlock()
    }

    /// Everything this build made or kept, once the render threads are done: the files kept
    /// by `reuse` are added from the previous manifest.
    func finishedFiles() -> [String: BuildManifest.Entry] {
        guard reusedFlags.contains(true) else { return written }
        var files = written
        files.reserveCapacity(written.count + reusedFiles)
        for (path, entry) in previous where reusedFlags[entry.ordinal] { files[path] = entry }
        return files
    }

    /// Puts the staged build in place of the output folder; returns every file it holds, for
    /// the memory of the next build.
    func commit() throws -> [String: BuildManifest.Entry] {
        guard !updatesInPlace else { return try commitInPlace() }
        try Data("PlanSite output folder: made by each build; do not edit it by hand.\n".utf8)
            .write(to: staging.appendingPathComponent(Self.markerName))
        // The record of the old output goes first: a build interrupted from here on makes the
        // next one write every file, which is safe.
        memory.outputWillChange()
        if OutputFolders.isMountPoint(outputPath) { return try commitIntoMountedFolder() }
        OutputFolders.removeTree(retired.path)
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
        let files = finishedFiles()
        keepWhatPlanSiteDidNotWrite(from: retired.path, "", files: files)
        OutputFolders.removeTree(retired.path)
        return files
    }

    /// Moves into the new output what the old one holds that PlanSite did not write there (a
    /// `CNAME`, a `.git` folder): every entry this build did not write and the previous build's
    /// record does not name. Without a record, nothing of the old output is known to be
    /// PlanSite's, and only what this build wrote again is replaced.
    private func keepWhatPlanSiteDidNotWrite(from old: String, _ relative: String, files: [String: BuildManifest.Entry])
    {
        let folder = relative.isEmpty ? old : old + "/" + relative
        for name in (try? fileManager.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = relative.isEmpty ? name : relative + "/" + name
            guard path != Self.markerName, files[path] == nil, previous[path] == nil else { continue }
            var info = stat(), new = stat()
            guard lstat(old + "/" + path, &info) == 0 else { continue }
            let inNew = lstat(outputPath + "/" + path, &new) == 0
            if (info.st_mode & S_IFMT) == S_IFDIR, inNew, (new.st_mode & S_IFMT) == S_IFDIR {
                keepWhatPlanSiteDidNotWrite(from: old, path, files: files)
            } else if !inNew {
                if !relative.isEmpty { try? PlainFile.makeFolder(outputPath + "/" + relative) }
                _ = rename(old + "/" + path, outputPath + "/" + path)
            }
        }
    }

    var retired: URL {
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

    /// Moves the changed files into the output folder and removes the ones no longer made,
    /// through a journal, so that an interruption is finished by the next run.
    private func commitInPlace() throws -> [String: BuildManifest.Entry] {
        guard let journal = memory.updateJournal else { preconditionFailure("an in-place update without a journal") }
        let files = finishedFiles()
        let removals =
            replacedWhenWritten + reusedFiles == previous.count
            ? [] : previous.keys.filter { files[$0] == nil }.sorted()
        let update = UpdateJournal(moves: staged.sorted(), removals: removals)
        try update.serialized().write(to: journal, options: .atomic)
        // As in a swap: no record of the output while it is between two builds.
        memory.outputWillChange()
        do {
            try update.apply(staging: stagingPath, output: outputPath, replaced: replacedPath)
        } catch let failed as UpdateJournal.Failed {
            // Put back as it was: nothing is left for the next run to finish.
            if failed.rolledBack { try? fileManager.removeItem(at: journal) }
            throw failed
        }
        try? fileManager.removeItem(at: staging)
        try? fileManager.removeItem(at: journal)
        return files
    }

    /// Carries out an update that a stopped build left half done (see `UpdateJournal`).
    private func finishInterruptedUpdate() {
        guard let journal = memory.updateJournal else { return }
        guard let update = UpdateJournal.read(at: journal) else {
            try? fileManager.removeItem(at: journal)
            return
        }
        // Finished, or put back: either way a full build follows, the record of the output
        // being gone (`BuildMemory.outputWillChange`).
        try? update.apply(staging: stagingPath, output: outputPath, replaced: replacedPath)
        try? fileManager.removeItem(at: journal)
    }

    /// Beside the output folder: what an in-place update replaced, until it is done.
    private var replacedPath: String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).plansite-replaced").path
    }

    /// Throws away a failed build's staging folder, unless an in-place update was being
    /// carried out when it failed: its journal needs the staged files, and the next run
    /// finishes it.
    func discard() {
        if let journal = memory.updateJournal, fileManager.fileExists(atPath: journal.path) { return }
        try? fileManager.removeItem(at: staging)
    }
}
