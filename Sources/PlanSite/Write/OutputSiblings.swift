import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files PlanSite keeps beside the output folder are named after it: `.NAME.plansite-…`.
/// A folder name so long that one of them passes the file system's limit on a name would make
/// that file impossible to write, and incremental builds would quietly stop; such a name is
/// refused before building.
public enum OutputSiblings {
    /// The longest name kept beside the output, less the output's own name: a language's feed
    /// fragments (`.NAME.plansite-fragments-LANG`, `LANG` at most `LanguageCode.maximumLength`)
    /// while being saved (`.next`, then `.new` for the file written before the rename).
    static let longestAddition =
        ".".utf8.count + ".plansite-fragments-".utf8.count + LanguageCode.maximumLength
        + ".next".utf8.count + ".new".utf8.count

    /// Why the output folder's name is too long, or nil when every file beside it fits.
    public static func nameProblem(_ output: URL) -> String? {
        let output = output.standardizedFileURL
        let length = output.lastPathComponent.utf8.count
        let limit = nameLimit(near: output.deletingLastPathComponent())
        guard length + longestAddition > limit else { return nil }
        return "--output: the folder name is \(length) bytes long; PlanSite keeps files beside it named after it "
            + "(.NAME.plansite-manifest, .NAME.plansite-fragments-LANG, …), so on this file system (names of at most "
            + "\(limit) bytes) it may be at most \(max(0, limit - longestAddition)) bytes"
    }

    /// The file system's limit on one name, asked of the nearest folder that exists.
    private static func nameLimit(near folder: URL) -> Int {
        var folder = folder
        while true {
            let limit = pathconf(folder.path, Int32(_PC_NAME_MAX))
            if limit > 0 { return limit }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return Int(NAME_MAX) }
            folder = parent
        }
    }
}
