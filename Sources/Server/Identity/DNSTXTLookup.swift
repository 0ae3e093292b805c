// DNSTXTLookup.swift: one TXT query over UDP to the system's (or a configured) name server.
// Book: docs/12-accounts-and-dids.md ("Resolving handles").
import Engine
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Looks up TXT records with a single UDP exchange: a random transaction id, a connected socket
/// (so only the server's datagrams arrive), a receive timeout, and the strict `DNSMessage` reader.
/// Truncated answers are not retried over TCP: `_atproto` records are tiny.
enum DNSTXTLookup {
    /// The name server: `PDS_DNS_NAMESERVER` (`host` or `host:port`), else the first `nameserver`
    /// in /etc/resolv.conf.
    static func nameserver(environment: [String: String] = ProcessInfo.processInfo.environment) -> (host: String, port: UInt16)? {
        if let configured = environment["PDS_DNS_NAMESERVER"], !configured.isEmpty {
            let parts = configured.split(separator: ":")
            return (String(parts[0]), parts.count > 1 ? UInt16(parts[1]) ?? 53 : 53)
        }
        guard let conf = try? String(contentsOfFile: "/etc/resolv.conf", encoding: .utf8) else { return nil }
        for line in conf.split(whereSeparator: \.isNewline) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 2, fields[0] == "nameserver", fields[1].contains(".") {
                return (String(fields[1]), 53)
            }
        }
        return nil
    }

    /// The TXT records of `name`, or nil on any failure (no answer, timeout, malformed reply).
    static func lookup(_ name: String, server: (host: String, port: UInt16), timeout: TimeInterval) async -> [String]? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: blockingLookup(name, server, timeout)) }
        }
    }

    private static func blockingLookup(_ name: String, _ server: (host: String, port: UInt16), _ timeout: TimeInterval) -> [String]? {
        let id = UInt16.random(in: 0...UInt16.max)
        guard let query = DNSMessage.query(id: id, name: name) else { return nil }
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = server.port.bigEndian
        guard inet_pton(AF_INET, server.host, &addr.sin_addr) == 1 else { return nil }
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0, query.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == query.count else {
            return nil
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        // A stray datagram with another id is skipped; the receive timeout bounds the wait.
        for _ in 0..<4 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return nil }
            switch Result(catching: { () throws(DNSMessage.Failure) in try DNSMessage.txtRecords(Array(buffer[..<n]), id: id) }) {
            case .success(let records): return records
            case .failure(.notOurs): continue
            case .failure: return nil
            }
        }
        return nil
    }
}
