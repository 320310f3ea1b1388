import Foundation

/// Watches folders by polling each file's modification time and size: portable, no
/// file-system event API, and cheap for a site's few hundred files.
struct FolderWatcher: Sendable {
    let folders: [URL]
    let interval: Duration
    /// How long a change must stay still before it counts, so an editor that writes a file in
    /// steps, or saves several at once, causes one build.
    let settle: Duration

    struct Stamp: Equatable {
        let modified: Date?
        let size: Int?
    }

    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        for folder in folders {
            guard
                let files = FileManager.default.enumerator(
                    at: folder, includingPropertiesForKeys: keys,
                    options: [.skipsHiddenFiles])
            else { continue }
            for case let file as URL in files {
                let values = try? file.resourceValues(forKeys: Set(keys))
                stamps[file.path] = Stamp(modified: values?.contentModificationDate, size: values?.fileSize)
            }
        }
        return stamps
    }

    /// Calls `changed` after each settled change, until the task is cancelled.
    func watch(_ changed: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var now = snapshot()
            guard now != last else { continue }
            while !Task.isCancelled {
                try? await Task.sleep(for: settle)
                let again = snapshot()
                if again == now { break }
                now = again
            }
            last = now
            if Task.isCancelled { return }
            await changed()
        }
    }
}
