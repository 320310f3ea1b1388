import Foundation

/// How a rebuild updates the output folder in place: the files that changed are first written
/// whole to the staging folder; then this journal, listing every file to move in and every
/// file to remove, is written beside the output; then it is carried out, and removed.
///
/// A build stopped before the journal exists has not touched the output. A build stopped while
/// carrying it out (SIGKILL, power loss) leaves it behind, and the next PlanSite run carries it
/// out to the end first: every staged file was complete before the journal was written, so
/// finishing is always safe, and doing a step twice does nothing.
struct UpdateJournal: Sendable, Equatable {
    static let header = "plansite-journal 1"

    /// Files to move from the staging folder into the output folder, by relative path.
    var moves: [String]
    /// Files of the previous build that this one no longer makes.
    var removals: [String]

    func serialized() -> Data {
        var text = Self.header + "\n"
        for path in removals { text += "remove " + path + "\n" }
        for path in moves { text += "move " + path + "\n" }
        return Data(text.utf8)
    }

    /// The journal at `url`; nil when there is none or it is not one this version wrote (then
    /// it is not trusted: every path must be a safe relative path).
    static func read(at url: URL) -> UpdateJournal? {
        guard let data = FileManager.default.contents(atPath: url.path),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        let lines = text.split(separator: "\n")
        guard lines.first == Substring(header) else { return nil }
        var journal = UpdateJournal(moves: [], removals: [])
        for line in lines.dropFirst() {
            if line.hasPrefix("move "), case let path = String(line.dropFirst(5)), (try? OutputPath.check(path)) != nil
            {
                journal.moves.append(path)
            } else if line.hasPrefix("remove "), case let path = String(line.dropFirst(7)),
                (try? OutputPath.check(path)) != nil
            {
                journal.removals.append(path)
            } else {
                return nil
            }
        }
        return journal
    }

    /// An update that could not be carried out to the end.
    struct Failed: Error {
        /// What failed.
        let underlying: Error
        /// Every step done was undone: the output is the previous site. Otherwise it is half
        /// updated, and the journal is left for the next run to finish.
        let rolledBack: Bool
    }

    /// Removes, then moves (so that a file may take the place of a folder that went away). What
    /// a step replaces or removes is first moved into `replaced` (a folder beside the output),
    /// so that a failed step can be undone: the output is then the previous site again. Steps
    /// already done (by a run that was stopped) are skipped: a staged file already moved is no
    /// longer there.
    func apply(staging: String, output: String, replaced: String) throws {
        var undo: [() -> Bool] = []
        do {
            for path in removals {
                let target = output + "/" + path, kept = replaced + "/" + path
                guard access(target, F_OK) == 0 else { continue }
                try moveAside(target, to: kept)
                undo.append { Self.putBack(kept, at: target) }
                removeEmptyFolders(above: target, stoppingAt: output)
            }
            for path in moves {
                let staged = staging + "/" + path, target = output + "/" + path, kept = replaced + "/" + path
                guard access(staged, F_OK) == 0 else { continue }
                if let slash = target.utf8.lastIndex(of: UInt8(ascii: "/")) {
                    try PlainFile.makeFolder(String(target[..<slash]))
                }
                // What is in the way (the old file, or a folder where a file now goes) is kept aside.
                var hadPrevious = false
                if access(target, F_OK) == 0 || errno != ENOENT {
                    try moveAside(target, to: kept)
                    hadPrevious = true
                }
                guard rename(staged, target) == 0 else {
                    let failure = PlainFile.WriteFailure(path: target, code: errno)
                    if hadPrevious { _ = rename(kept, target) }
                    throw failure
                }
                undo.append { rename(target, staged) == 0 && (!hadPrevious || Self.putBack(kept, at: target)) }
            }
        } catch {
            let undone = undo.reversed().allSatisfy { $0() }
            throw Failed(underlying: error, rolledBack: undone)
        }
        try? FileManager.default.removeItem(atPath: replaced)
    }

    /// Puts a file moved aside back, making its folder again if it went.
    private static func putBack(_ kept: String, at target: String) -> Bool {
        if let slash = target.utf8.lastIndex(of: UInt8(ascii: "/")) {
            guard (try? PlainFile.makeFolder(String(target[..<slash]))) != nil else { return false }
        }
        return rename(kept, target) == 0
    }

    private func moveAside(_ path: String, to kept: String) throws {
        if let slash = kept.utf8.lastIndex(of: UInt8(ascii: "/")) { try PlainFile.makeFolder(String(kept[..<slash])) }
        try? FileManager.default.removeItem(atPath: kept)
        guard rename(path, kept) == 0 else { throw PlainFile.WriteFailure(path: path, code: errno) }
    }

    /// A page that went away (an event removed) leaves its folder empty: the folder goes too.
    private func removeEmptyFolders(above file: String, stoppingAt root: String) {
        var folder = file
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = String(folder[..<slash])
            guard folder.utf8.count > root.utf8.count, rmdir(folder) == 0 else { return }
        }
    }
}
