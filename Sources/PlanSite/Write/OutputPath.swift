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

    /// Accepts only relative paths of plain names joined by `/`.
    public static func check(_ path: String) throws {
        func refuse(_ reason: String) -> Refused { Refused(path: path, reason: reason) }
        if path.isEmpty { throw refuse("the path is empty") }
        if path.hasPrefix("/") { throw refuse("the path is absolute") }
        if path.contains("\\") { throw refuse("the path contains a backslash") }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw refuse("the path contains a control character")
        }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { throw refuse("the path has an empty component") }
            if component == "." || component == ".." { throw refuse("the path has a '\(component)' component") }
        }
    }
}
