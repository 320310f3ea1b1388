import Foundation

/// `plansite status --mark-current FILE`: records in a translation's front matter the hash of
/// its source file as it is now. Only the `sourceHash` line is written or replaced; every
/// other byte of the file stays as it was (line endings, comments, the body).
public enum SourceHashMarker {
    /// Returns the hash written.
    public static func mark(_ file: URL, contentDirectory: URL) -> Result<String, BuildFailure> {
        func failure(_ message: String) -> Result<String, BuildFailure> {
            .failure(BuildFailure(diagnostics: [.error(SourceLocation(path: DisplayPath.of(file)), message)]))
        }
        let tree = ContentTree(root: contentDirectory)
        let path = file.standardizedFileURL.path
        guard path.hasPrefix(tree.root.path + "/"), path.hasSuffix(".md") else {
            return failure("not a language file (LANG.md) inside the content folder \(tree.displayRoot)")
        }
        let relative = String(path.dropFirst(tree.root.path.count + 1))
        let folder = (relative as NSString).deletingLastPathComponent
        let code = ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
        var log = DiagnosticLog()
        guard let config = SiteConfigLoader.load(tree, log: &log) else {
            return .failure(BuildFailure(diagnostics: log.sorted))
        }
        let codes = config.languages.map(\.code)
        guard codes.contains(code) else {
            return failure("'\(code)' is not a language listed in site.yaml (\(codes.joined(separator: ", ")))")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return failure("cannot read file") }
        let authentic = authenticLanguages(of: folder, in: tree)
        let sources = TranslationStatus.sourceLanguages(
            has: { tree.exists("\(folder)/\($0).md") },
            authentic: authentic, codes: codes)
        guard let sourceLanguage = sources.first, !sources.contains(code) else {
            if authentic.contains(code) {
                return failure(
                    "this is an authentic text of the item ('authentic' in its meta.yaml): "
                        + "a source, tracked against itself; only translations record a sourceHash")
            }
            return failure(
                "this is the item's source text (the first language in site.yaml it has); "
                    + "only translations record a sourceHash"
            )
        }
        guard let sourceBytes = FileManager.default.contents(atPath: tree.url("\(folder)/\(sourceLanguage).md").path)
        else {
            return failure("cannot read the source text \(sourceLanguage).md")
        }
        let hash = SourceHash.of(sourceBytes)
        guard let marked = FrontMatterLine.setting(SourceHash.key, to: hash, in: data) else {
            return failure("missing front matter: the file must start with a '---' line, then YAML, then '---'")
        }
        do {
            try marked.write(to: file, options: .atomic)
        } catch {
            return failure("cannot write file: \(error.localizedDescription)")
        }
        return .success(hash)
    }
}

extension SourceHashMarker {
    /// `authentic` in the item's meta.yaml, read leniently: a problem in the file is the
    /// build's to report, and leaves the item with its first language as its source.
    static func authenticLanguages(of folder: String, in tree: ContentTree) -> [String] {
        var log = DiagnosticLog()
        guard tree.exists(folder + "/meta.yaml"), let file = tree.read(folder + "/meta.yaml", log: &log),
            let yaml = YAMLValue.parse(file.text, file: file, lineOffset: 0, log: &log),
            let value = yaml.mapping("meta.yaml", log: &log)?[AuthenticReader.key],
            let listed = value.stringList(AuthenticReader.key, log: &log)
        else { return [] }
        return listed.map(\.0)
    }
}

/// Sets one top-level key in a file's front matter, as bytes, so nothing else in the file changes.
enum FrontMatterLine {
    static func setting(_ key: String, to value: String, in data: Data) -> Data? {
        // Split on "\n" bytes: as Swift characters, "\r\n" would be one, and Windows files would not split.
        var lines = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        func bare(_ line: [UInt8]) -> String {
            var text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
        }
        guard let first = lines.first, bare(first) == "---",
            let close = lines.indices.dropFirst().first(where: { bare(lines[$0]) == "---" || bare(lines[$0]) == "..." })
        else { return nil }
        let ending = first.last == UInt8(ascii: "\r") ? "\r" : ""
        let line = Array("\(key): \(value)\(ending)".utf8)
        if let existing = (1..<close).first(where: { lines[$0].starts(with: Array((key + ":").utf8)) }) {
            lines[existing] = line
        } else {
            lines.insert(line, at: close)
        }
        return Data(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
}
