/// The `Content-Type` of each kind of file a build writes.
enum ContentTypes {
    static func forFile(_ name: String) -> String {
        // CONTENT.md's output: LANG/feed.xml is the Atom feed, sitemap.xml the sitemap.
        if name == "feed.xml" { return "application/atom+xml" }
        if name == "sitemap.xml" { return "application/xml" }
        if name == "robots.txt" { return "text/plain; charset=utf-8" }
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return byExtension[ext] ?? "application/octet-stream"
    }

    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        // RFC 5545 8.1: text/calendar; the builder writes UTF-8.
        "ics": "text/calendar; charset=utf-8",
        // RFC 4287 7: application/atom+xml.
        "atom": "application/atom+xml",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8",
        "json": "application/json",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "pdf": "application/pdf"
    ]
}
