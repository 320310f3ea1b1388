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
    /// for every file of every build, and every path of the manifest.
    public static func check(_ path: String) throws {
        // On the contiguous bytes: walking the String's UTF-8 view byte by byte cost more.
        var bytes = path
        if let reason = bytes.withUTF8({ refusal(of: $0) }) { throw Refused(path: path, reason: reason) }
    }

    /// Why the path in `bytes` (UTF-8) is refused, or nil when it is safe to write. One pass
    /// over the bytes: the manifest's paths are checked before they are made into strings.
    static func refusal(of bytes: some Collection<UInt8>) -> String? {
        if bytes.isEmpty { return "the path is empty" }
        if bytes.first == UInt8(ascii: "/") { return "the path is absolute" }
        var backslash = false, control = false
        var component: String? = nil
        var length = 0, dots = 0
        func endComponent() {
            if component == nil && length == 0 { component = "the path has an empty component" }
            if component == nil && dots == length && length <= 2 {
                component = "the path has a '\(String(repeating: ".", count: length))' component"
            }
            length = 0
            dots = 0
        }
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                endComponent()
            } else {
                // Bytes below 0x20 and 0x7F are ASCII control characters only: UTF-8 never
                // uses them inside another character.
                if byte < 0x20 || byte == 0x7F { control = true }
                if byte == UInt8(ascii: "\\") { backslash = true }
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        endComponent()
        // In this order, whatever the order of the faults in the path.
        if backslash { return "the path contains a backslash" }
        if control { return "the path contains a control character" }
        return component
    }
}
