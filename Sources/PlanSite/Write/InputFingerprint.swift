import Foundation

/// A digest of everything a build's output depends on: every file under the content and
/// theme folders (path, size, modification time), the options, "today" (which events are
/// upcoming), and the PlanSite executable itself. Equal fingerprints mean the same output.
///
/// It also splits that digest for the pages that show only some events (an event's page and
/// its `event.ics`, a month of the calendar, a year of an area): they depend on those events'
/// folders and on what every page shows (site.yaml, the theme, areas, documents, the set of
/// events), never on "today". `reuseKey(forEventFolders:)` is equal between two builds only
/// when none of that changed, and the file is then kept from the previous build instead of
/// rendered again.
struct InputFingerprint: Sendable, Equatable {
    /// The whole digest: equal means the build can be skipped.
    let whole: String
    /// The digest of everything but the event folders' files (and "today").
    let shared: UInt64
    /// Each event folder (relative to content/, such as `events/2025/forum`) and the digest of its files.
    let eventFolders: [String: UInt64]

    static func of(_ options: BuildOptions, today: String) -> InputFingerprint {
        let settings = "options \(options.baseURL ?? "-") \(options.includeDrafts)\n"
        var executable = ""
        if let url = Bundle.main.executableURL, let stamp = FileStamp.of(url) {
            executable = "plansite \(stamp.size) \(stamp.modified).\(stamp.modifiedNanoseconds)\n"
        }
        let content = listing(options.content), theme = listing(options.theme)
        let text = settings + today + "\ncontent\n" + lines(content) + "theme\n" + lines(theme) + executable
        let whole = BuildManifest.hash(Data(text.utf8))

        // Files directly in an event's folder belong to that event; the folders' names are in
        // the shared part, so adding, removing or moving an event changes every event's key.
        var eventFiles: [String: [String]] = [:]
        var sharedText = settings + executable + "theme\n" + lines(theme) + "content\n"
        for file in content {
            if file.path.hasPrefix("events/"), let slash = file.path.lastIndex(of: "/") {
                let folder = String(file.path[..<slash])
                if eventFiles[folder] == nil { sharedText += "event " + folder + "\n" }
                eventFiles[folder, default: []].append(file.line)
            } else {
                sharedText += file.line + "\n"
            }
        }
        return InputFingerprint(whole: String(whole, radix: 16) + "-" + String(text.utf8.count),
                                shared: BuildManifest.hash(Data(sharedText.utf8)),
                                eventFolders: eventFiles.mapValues { BuildManifest.hash(Data($0.joined(separator: "\n").utf8)) })
    }

    /// The key of a file made from these event folders (and what every page shows); nil when
    /// one of them was not seen (made after the fingerprint was taken): such a file is always
    /// rendered.
    func reuseKey(forEventFolders folders: [String]) -> UInt64? {
        var bytes = Data(capacity: 8 * (folders.count + 1))
        withUnsafeBytes(of: shared.littleEndian) { bytes.append(contentsOf: $0) }
        for folder in folders {
            guard let own = eventFolders[folder] else { return nil }
            withUnsafeBytes(of: own.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return BuildManifest.hash(bytes)
    }

    private struct FileLine {
        /// Relative to the listed folder, without a leading slash.
        let path: String
        /// The path, size and modification time in nanoseconds.
        let line: String
    }

    private static func lines(_ files: [FileLine]) -> String {
        files.map(\.line).joined(separator: "\n") + "\n"
    }

    /// Every file below `root`, sorted by path.
    private static func listing(_ root: URL) -> [FileLine] {
        let base = root.standardizedFileURL.path
        var files: [FileLine] = []
        var pending = [base]
        while let folder = pending.popLast() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else {
                    let relative = String(path.dropFirst(base.count + 1))
                    files.append(FileLine(path: relative, line: "/\(relative) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"))
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
