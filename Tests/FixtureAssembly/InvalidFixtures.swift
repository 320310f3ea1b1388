import Foundation

/// The invalid content cases: one shared base site (`base/`) and, beside it, one folder per case
/// holding only the files that case adds or changes, plus an optional `REMOVED` file that lists
/// base files (relative paths, one a line) the case deletes.
///
/// Invariant: every file a case holds differs from the base's file at that path, and every path
/// in `REMOVED` is a base file, so a case folder always shows exactly what its case changes.
public struct InvalidFixtures: Sendable {
    public static let baseName = "base"
    /// Cases that are valid variants of the base (a byte-order mark and Windows line endings; a
    /// fragment link through an explicit heading id), kept beside the invalid ones they mirror.
    public static let validVariants: Set<String> = ["bom-crlf", "fragment-explicit-id"]
    public static let removalsName = "REMOVED"

    /// The folder holding `base/` and the case folders.
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public var base: URL { root.appendingPathComponent(Self.baseName) }

    /// Every case's name, sorted: the folders beside `base/`.
    public func caseNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path)
            .filter { $0 != Self.baseName && Self.isFolder(root.appendingPathComponent($0)) }
            .sorted()
    }

    /// Writes the whole content folder of case `name` as `parent/name` (the folder name shows in
    /// diagnostics printed relative to `parent`) and returns its URL.
    @discardableResult
    public func assemble(_ name: String, into parent: URL) throws -> URL {
        let manager = FileManager.default
        let overlay = root.appendingPathComponent(name)
        guard name != Self.baseName, !name.contains("/"), Self.isFolder(overlay) else {
            throw FixtureError("no invalid fixture case '\(name)' in \(root.path)")
        }
        let site = parent.appendingPathComponent(name)
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        try manager.copyItem(at: base, to: site)
        var changes = 0
        for relative in try Self.files(below: overlay) where relative != Self.removalsName {
            let file = overlay.appendingPathComponent(relative), original = base.appendingPathComponent(relative)
            if manager.fileExists(atPath: original.path),
                manager.contentsEqual(atPath: original.path, andPath: file.path)
            {
                throw FixtureError(
                    "\(name)/\(relative) is the same as \(Self.baseName)/\(relative): "
                        + "delete it from the case")
            }
            let target = site.appendingPathComponent(relative)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? manager.removeItem(at: target)
            try manager.copyItem(at: file, to: target)
            changes += 1
        }
        for relative in try removals(of: name) {
            guard manager.fileExists(atPath: base.appendingPathComponent(relative).path) else {
                throw FixtureError(
                    "\(name)/\(Self.removalsName) names '\(relative)', "
                        + "which \(Self.baseName)/ does not have")
            }
            try manager.removeItem(at: site.appendingPathComponent(relative))
            changes += 1
        }
        guard changes > 0 else { throw FixtureError("case '\(name)' changes nothing in \(Self.baseName)/") }
        return site
    }

    /// The base files case `name` deletes: the lines of its `REMOVED` file, blank lines and
    /// `#` comments skipped.
    public func removals(of name: String) throws -> [String] {
        let list = root.appendingPathComponent(name).appendingPathComponent(Self.removalsName)
        guard FileManager.default.fileExists(atPath: list.path) else { return [] }
        let lines = try String(contentsOf: list, encoding: .utf8).split(whereSeparator: \.isNewline)
        return try lines.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { relative in
                guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else {
                    throw FixtureError("\(name)/\(Self.removalsName): '\(relative)' is not a path inside the base")
                }
                return relative
            }
    }

    /// Every regular file below `folder`, as paths relative to it, sorted.
    static func files(below folder: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
            throw FixtureError("cannot list \(folder.path)")
        }
        return enumerator.compactMap { $0 as? String }
            .filter { !isFolder(folder.appendingPathComponent($0)) }
            .sorted()
    }

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// A fixture case that cannot be assembled, and why.
public struct FixtureError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
