// LoopbackHTTP.swift: a minimal blocking HTTP/1.1 keep-alive client for `pds bench http`.
// Book: docs/25-performance.md ("Driving the server over HTTP").
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One keep-alive connection to a server on this machine, used from one thread.
///
/// A benchmark client should cost the server's machine as little as possible: a blocking socket,
/// one `write` per request and a buffered reader of `Content-Length` responses, with no event
/// loop and no TLS. Chunked responses are read too (getRepo streams).
final class LoopbackHTTP {
    /// A response.
    struct Response {
        var status: Int
        var body: [UInt8]
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let host: String
    private let port: UInt16
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []
    private var start = 0

    init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    deinit { if fd >= 0 { close(fd) } }

    private func connect() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &addr.sin_addr)
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard r == 0 else {
            close(fd)
            fd = -1
            throw Failure(description: "connect \(host):\(port): errno \(errno)")
        }
        buffer.removeAll(keepingCapacity: true)
        start = 0
    }

    /// Sends a request and reads the whole response; reconnects once if the server closed the connection.
    func request(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) throws
        -> Response
    {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nContent-Length: \(body.count)\r\n"
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        text += "\r\n"
        let bytes = Array(text.utf8) + body
        for attempt in 0..<2 {
            if fd < 0 { try connect() }
            if send(bytes), let response = try? readResponse() { return response }
            close(fd)
            fd = -1
            if attempt == 1 { break }
        }
        throw Failure(description: "\(method) \(path): connection failed")
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    private func fill() throws {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
        guard n > 0 else { throw Failure(description: "connection closed") }
        buffer.append(contentsOf: chunk[..<n])
    }

    private func line() throws -> String {
        while true {
            if let i = buffer[start...].firstIndex(of: 10) {
                let end = i > start && buffer[i - 1] == 13 ? i - 1 : i
                let s = String(decoding: buffer[start..<end], as: UTF8.self)
                start = i + 1
                return s
            }
            try fill()
        }
    }

    private func take(_ n: Int) throws -> ArraySlice<UInt8> {
        while buffer.count - start < n { try fill() }
        defer { start += n }
        return buffer[start..<start + n]
    }

    private func readResponse() throws -> Response {
        let statusLine = try line()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure(description: "bad status line") }
        var length: Int? = nil
        var chunked = false
        while true {
            let h = try line()
            if h.isEmpty { break }
            let lower = h.lowercased()
            if lower.hasPrefix("content-length:") { length = Int(lower.dropFirst(15).trimmingCharacters(in: .whitespaces)) }
            if lower.hasPrefix("transfer-encoding:") && lower.contains("chunked") { chunked = true }
        }
        var body: [UInt8] = []
        if chunked {
            while true {
                guard let size = Int(try line().split(separator: ";")[0], radix: 16) else {
                    throw Failure(description: "bad chunk size")
                }
                if size == 0 {
                    _ = try line()
                    break
                }
                body += try take(size)
                _ = try line()
            }
        } else if let length {
            body = Array(try take(length))
        }
        return Response(status: status, body: body)
    }
}
