import Foundation
import Hummingbird

/// Answers requests from the output folder only, adds the live-reload script to HTML, and
/// streams build events to open pages.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let root: URL
    /// The site's path on the host (`/` or `/plan/`), from its base URL.
    let basePath: String
    let live: LiveBuild

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let target = request.head.path ?? "/"
        if target == LiveReloadScript.eventsPath { return await events() }
        if basePath != "/", target == "/" { return redirect(to: basePath) }
        guard target.hasPrefix(basePath), let segments = RequestPath.segments("/" + target.dropFirst(basePath.count)),
            var file = file(at: segments)
        else {
            return notFound(request)
        }
        if isDirectory(file) {
            // Relative links in the page resolve against the folder only with the slash.
            guard target.prefix(while: { $0 != "?" }).hasSuffix("/") else {
                return redirect(to: String(target.prefix(while: { $0 != "?" })) + "/")
            }
            file.appendPathComponent("index.html")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { return notFound(request) }
        return page(data, name: file.lastPathComponent, status: .ok, request: request)
    }

    /// The file a path names, once its real location (symbolic links followed) is known to
    /// lie inside the output folder.
    private func file(at segments: [String]) -> URL? {
        let candidate = segments.reduce(root) { $0.appendingPathComponent($1) }.resolvingSymlinksInPath()
        let realRoot = root.resolvingSymlinksInPath().path
        guard candidate.path == realRoot || candidate.path.hasPrefix(realRoot + "/"),
            FileManager.default.fileExists(atPath: candidate.path)
        else { return nil }
        return candidate
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private func page(_ data: Data, name: String, status: HTTPResponse.Status, request: Request) -> Response {
        let type = ContentTypes.forFile(name)
        var body = data
        if type.hasPrefix("text/html") {
            body = Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        // Always fresh: the files change under the same names while editing.
        let headers: HTTPFields = [.contentType: type, .contentLength: String(body.count), .cacheControl: "no-store"]
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The site's own 404 page when the build has one, so the overlay shows there too.
    private func notFound(_ request: Request) -> Response {
        let page404 = root.appendingPathComponent("404.html")
        let data =
            FileManager.default.contents(atPath: page404.path)
            ?? Data(
                "<!DOCTYPE html><html lang=\"en\"><title>Not found</title><body><h1>Not found</h1></body></html>".utf8)
        return page(data, name: "404.html", status: .notFound, request: request)
    }

    private func redirect(to location: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// Server-Sent Events: the current state at once, then one event per build.
    private func events() async -> Response {
        let states = await live.subscribe()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                for await state in states {
                    // JSON escapes line breaks, so the event is one `data:` line.
                    let json = String(decoding: try encoder.encode(state), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "data: \(json)\n\n"))
                }
                try await writer.finish(nil)
            })
    }
}
