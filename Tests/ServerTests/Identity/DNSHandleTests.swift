// DNSHandleTests.swift: handles resolved through a DNS TXT record, against a UDP server on loopback.
import Foundation
import Testing

@testable import Server

#if canImport(Glibc)
    import Glibc
#endif

/// A one-shot DNS server on 127.0.0.1: answers the first query with the given TXT strings.
final class LoopbackDNS: @unchecked Sendable {
    let fd: Int32
    let port: UInt16

    init(txt: [String]) throws {
        let sock = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        fd = sock
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(sock, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(sock, $0, &len) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        let fd = sock
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 512)
            var peer = sockaddr_in()
            var peerLen = socklen_t(MemoryLayout<sockaddr_in>.size)
            let n = withUnsafeMutablePointer(to: &peer) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &peerLen) }
            }
            guard n > 12 else { return }
            // Echo the id and the question; flags: response, recursion available; one answer per string.
            var out = Array(buffer[0..<2]) + [0x81, 0x80, 0, 1, 0, UInt8(txt.count), 0, 0, 0, 0] + Array(buffer[12..<n])
            for t in txt {
                let data = [UInt8(t.utf8.count)] + Array(t.utf8)
                out += [0xC0, 0x0C, 0, 16, 0, 1, 0, 0, 0, 60, 0, UInt8(data.count)] + data
            }
            _ = withUnsafePointer(to: &peer) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, out, out.count, 0, $0, peerLen) }
            }
        }
    }

    deinit { close(fd) }
}

@Suite struct DNSHandleTests {
    @Test func aTXTRecordNamesTheDID() async throws {
        let dns = try LoopbackDNS(txt: ["did=did:plc:ewvi7nxzyoun6zhxrhs64oiz"])
        let resolver = HandleResolver(timeout: 2, nameserver: (host: "127.0.0.1", port: dns.port))
        #expect(await resolver.resolve("alice.example.com") == "did:plc:ewvi7nxzyoun6zhxrhs64oiz")
    }

    @Test func conflictingRecordsResolveToNothing() async throws {
        let dns = try LoopbackDNS(txt: ["did=did:plc:ewvi7nxzyoun6zhxrhs64oiz", "did=did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"])
        let resolver = HandleResolver(timeout: 1, nameserver: (host: "127.0.0.1", port: dns.port))
        #expect(await resolver.resolveDNS("bob.example.com") == nil)
    }
}
