// CrawlersTests.swift: requestCrawl reaches a relay on loopback after start, and again only after new events.
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import Server

@Suite struct CrawlersTests {
    /// Bodies of the requestCrawl calls a fake relay received.
    final class Received: Sendable {
        let bodies = Mutex<[IPLD]>([])
        var count: Int { bodies.withLock { $0.count } }
    }

    @Test func relaysAreAskedAfterStartAndAfterNewEvents() async throws {
        let received = Received()
        let relay = Router()
        relay.post("/xrpc/com.atproto.sync.requestCrawl") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 16)
            let json = try AtprotoJSON.decode(Array(buffer: body))
            received.bodies.withLock { $0.append(json) }
            return .ok
        }
        try await LoopbackService.with(relay) { port in
            try await TestPDS.with(["PDS_CRAWLERS": "http://127.0.0.1:\(port)/"]) { _, pds in
                let crawlers = Crawlers(pds: pds, interval: .milliseconds(300), checkEvery: .milliseconds(50))
                let running = Task { try await crawlers.run() }
                defer { running.cancel() }
                try await Self.waitFor { received.count == 1 }
                #expect(received.bodies.withLock { $0[0] } == ["hostname": "pds.example"])
                // No new event: no second request, however long the interval.
                try await Task.sleep(for: .milliseconds(600))
                #expect(received.count == 1)
                _ = try pds.storage.appendEvent(.identity(did: "did:plc:crawlcrawlcrawlcrawlcrawl", handle: nil))
                try await Self.waitFor { received.count == 2 }
            }
        }
    }

    static func waitFor(_ condition: () -> Bool) async throws {
        for _ in 0..<200 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out")
    }
}

@Suite struct FirehoseSocketTests {
    /// A firehose message is one final binary frame, with the 7-bit, 16-bit or 64-bit length form.
    @Test(arguments: [0, 125, 126, 65_535, 65_536, 200_000])
    func messagesCarryTheRightHeader(_ size: Int) {
        let payload = [UInt8](repeating: 0xAB, count: size)
        let event = SequencedFrame(seq: 1, millis: 0, bytes: payload)
        var buffer = FirehoseSocket.message(event)
        #expect(buffer.readInteger(as: UInt8.self) == 0x82)
        let first = buffer.readInteger(as: UInt8.self)!
        let length: Int
        switch first {
        case 126: length = Int(buffer.readInteger(as: UInt16.self)!)
        case 127: length = Int(buffer.readInteger(as: UInt64.self)!)
        default: length = Int(first)
        }
        #expect(length == size && buffer.readableBytes == size)
        #expect(size < 126 ? first == UInt8(size) : size < 65_536 ? first == 126 : first == 127)
        // Encoded once: the second call returns the stored buffer.
        #expect(FirehoseSocket.message(event).readableBytes == size + (size < 126 ? 2 : size < 65_536 ? 4 : 10))
        #expect(event.encoding.load() != nil)
    }
}
