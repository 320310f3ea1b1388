import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare HTTP/1.1 client over a socket, so request targets go out exactly as written
/// (URL types and curl would normalise `/../` away before the server saw it).
struct RawHTTP {
    let port: Int

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    /// One request with `Connection: close`; the reply is read to the end.
    func get(_ target: String, method: String = "GET") throws -> Reply {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        var data = Data()
        while let chunk = try receive(socket), !chunk.isEmpty { data.append(chunk) }
        return try Self.parse(data)
    }

    /// Opens the event stream; `next` returns each event's data line, in order.
    func events(_ target: String) throws -> EventStream {
        let socket = try connect()
        try send(socket, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        return EventStream(socket: socket, client: self)
    }

    final class EventStream {
        let socket: Int32
        let client: RawHTTP
        var buffer = ""

        init(socket: Int32, client: RawHTTP) {
            self.socket = socket
            self.client = client
        }

        deinit { close(socket) }

        /// The next event's `data:` text, or nil when none arrives in time.
        func next(within seconds: Double = 20) throws -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let end = buffer.range(of: "\n\n") {
                    let event = String(buffer[..<end.lowerBound])
                    buffer.removeSubrange(..<end.upperBound)
                    // Skip the HTTP head and chunk-size lines: keep the `data:` line.
                    if let line = event.split(separator: "\n").last(where: { $0.hasPrefix("data: ") }) {
                        return String(line.dropFirst("data: ".count))
                    }
                    continue
                }
                guard let chunk = try client.receive(socket) else { continue }
                if chunk.isEmpty { return nil }
                buffer += String(decoding: chunk, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            }
            return nil
        }
    }

    private func connect() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket") }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure("connect to port \(port)")
        }
        return fd
    }

    private func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, 0) == bytes.count else { throw Failure("send") }
    }

    /// Bytes read, empty at the end of the stream, nil when the wait timed out.
    fileprivate func receive(_ socket: Int32) throws -> Data? {
        var bytes = [UInt8](repeating: 0, count: 65536)
        let count = recv(socket, &bytes, bytes.count, 0)
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw Failure("recv: errno \(errno)")
        }
        return Data(bytes[..<count])
    }

    static func parse(_ data: Data) throws -> Reply {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure("no end of head in \(text.prefix(200))") }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else {
            throw Failure("status line")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
