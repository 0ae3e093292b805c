// RawWebSocket.swift: a WebSocket exchange over a plain blocking socket, byte by byte, for the
// subscriptions the server refuses (the library client sometimes stalls when a connection ends
// right after its upgrade; this one cannot).
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

enum RawWebSocket {
    /// What the server sent: the HTTP status of the upgrade, its frames (opcode, payload) up to and
    /// including a close frame.
    struct Exchange {
        var status: Int
        var frames: [(opcode: UInt8, payload: [UInt8])]

        /// The close frame's code and reason.
        var close: (code: UInt16, reason: String)? {
            guard let f = frames.last(where: { $0.opcode == 8 }), f.payload.count >= 2 else { return nil }
            return (UInt16(f.payload[0]) << 8 | UInt16(f.payload[1]), String(decoding: f.payload[2...], as: UTF8.self))
        }
        /// The binary messages (each in one frame here).
        var messages: [[UInt8]] { frames.filter { $0.opcode == 2 }.map(\.payload) }
    }

    struct Failure: Error { let what: String }

    /// Opens `path` on 127.0.0.1:`port` as a WebSocket, reads until the server's close frame,
    /// answers it, and returns what came. Gives up after 10 seconds of silence.
    static func exchange(port: Int, path: String) throws -> Exchange {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(what: "socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(what: "connect") }
        let request =
            "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        try send(fd, Array(request.utf8))
        var buffer: [UInt8] = []
        func fill(_ count: Int) throws {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while buffer.count < count {
                let n = recv(fd, &chunk, chunk.count, 0)
                guard n > 0 else { throw Failure(what: "connection ended after \(buffer.count) bytes") }
                buffer += chunk[..<n]
            }
        }
        // The response head.
        var headEnd: Int?
        while headEnd == nil {
            try fill(buffer.count + 1)
            headEnd = buffer.indices.dropLast(3).first { buffer[$0..<$0 + 4] == [13, 10, 13, 10] }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        buffer.removeFirst(headEnd! + 4)
        var exchange = Exchange(status: status, frames: [])
        guard status == 101 else { return exchange }
        while true {
            try fill(2)
            let opcode = buffer[0] & 0x0F
            var length = Int(buffer[1] & 0x7F)
            var offset = 2
            if length == 126 {
                try fill(4)
                length = Int(buffer[2]) << 8 | Int(buffer[3])
                offset = 4
            } else if length == 127 {
                try fill(10)
                length = buffer[2..<10].reduce(0) { $0 << 8 | Int($1) }
                offset = 10
            }
            try fill(offset + length)
            exchange.frames.append((opcode, Array(buffer[offset..<offset + length])))
            buffer.removeFirst(offset + length)
            if opcode == 8 {
                // Answer the close, masked as a client must (a zero mask leaves the bytes as they are).
                let payload = Array(exchange.frames.last!.payload.prefix(2))
                try? send(fd, [0x88, 0x80 | UInt8(payload.count), 0, 0, 0, 0] + payload)
                return exchange
            }
        }
    }

    private static func send(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(what: "send") }
            sent += n
        }
    }
}
