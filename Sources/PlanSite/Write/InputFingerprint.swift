import Foundation

/// A digest of everything a build's output depends on: every file under the content and
/// theme folders (path, size, modification time), the options, "today" (which events are
/// upcoming), and the PlanSite executable itself. Equal fingerprints mean the same output.
enum InputFingerprint {
    static func of(_ options: BuildOptions, today: String) -> String {
        var text = "options \(options.baseURL ?? "-") \(options.includeDrafts) \(today)\n"
        for (label, folder) in [("content", options.content), ("theme", options.theme)] {
            text += label + "\n"
            text += listing(folder)
        }
        if let executable = Bundle.main.executableURL, let stamp = FileStamp.of(executable) {
            text += "plansite \(stamp.size) \(stamp.modified).\(stamp.modifiedNanoseconds)\n"
        }
        let hash = BuildManifest.hash(Data(text.utf8))
        return String(hash, radix: 16) + "-" + String(text.utf8.count)
    }

    /// One line per file, sorted: its path, size and modification time in nanoseconds.
    private static func listing(_ root: URL) -> String {
        let base = root.standardizedFileURL.path
        var lines: [String] = []
        var pending = [base]
        while let folder = pending.popLast() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else {
                    lines.append("\(path.dropFirst(base.count)) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
                }
            }
        }
        return lines.sorted().joined(separator: "\n") + "\n"
    }
}
