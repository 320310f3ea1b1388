import Foundation

/// The last guard between a page's path and the file system: whatever the loader let through,
/// a path that could leave the output folder is never written (issue 5). Slugs are checked at
/// load (`Slug`); this catches any other way a path could be made (a future page kind, a
/// theme asset name).
public enum OutputPath {
    public struct Refused: Error, LocalizedError, Equatable {
        public let path: String
        public let reason: String
        public var errorDescription: String? { "refused to write '\(path)': \(reason)" }
    }

    /// Accepts only relative paths of plain names joined by `/`. It works on the bytes: it runs
    /// for every file of every build, and every line of the manifest.
    public static func check(_ path: String) throws {
        func refuse(_ reason: String) -> Refused { Refused(path: path, reason: reason) }
        let bytes = path.utf8
        if bytes.isEmpty { throw refuse("the path is empty") }
        if bytes.first == UInt8(ascii: "/") { throw refuse("the path is absolute") }
        if bytes.contains(UInt8(ascii: "\\")) { throw refuse("the path contains a backslash") }
        // Bytes below 0x20 and 0x7F are ASCII control characters only: UTF-8 never uses them
        // inside another character.
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { throw refuse("the path contains a control character") }
        var length = 0, dots = 0
        func endComponent() throws {
            if length == 0 { throw refuse("the path has an empty component") }
            if dots == length && length <= 2 { throw refuse("the path has a '\(String(repeating: ".", count: length))' component") }
            length = 0
            dots = 0
        }
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                try endComponent()
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        try endComponent()
    }
}
