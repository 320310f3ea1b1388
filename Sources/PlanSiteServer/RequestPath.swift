import Foundation

/// Turns a request target into path segments under the served folder, or nil for anything
/// that must not be served. Decoding happens once, before the checks, so `%2e%2e`, `..%2f`
/// and `%5c` are judged as the `..`, `/` and `\` they stand for.
enum RequestPath {
    static func segments(_ target: String) -> [String]? {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard path.hasPrefix("/"), let decoded = String(path).removingPercentEncoding else { return nil }
        // A backslash is a separator on some systems, NUL ends a C string: neither is a name.
        guard !decoded.contains("\\"), !decoded.contains("\0") else { return nil }
        var segments: [String] = []
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                // Above the served folder: refused, never clamped to it.
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default:
                // Hidden files are the build's own (its marker, a staging folder): not the site.
                guard !segment.hasPrefix(".") else { return nil }
                segments.append(String(segment))
            }
        }
        return segments
    }
}
