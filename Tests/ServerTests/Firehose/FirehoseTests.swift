// FirehoseTests.swift: subscribeRepos over a real WebSocket: order, content, cursors, slow consumers, restarts.
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import NIOCore
import Server
import Synchronization
import Testing

@Suite(.serialized) struct FirehoseTests {
    static func post(_ text: String) -> IPLD {
        ["$type": "app.bsky.feed.post", "text": .string(text), "createdAt": "2026-11-25T00:00:00.000Z"]
    }

    /// Creates, updates and deletes records over HTTP for `account`.
    static func writes(_ client: any TestClientProtocol, _ account: RepoAccount) async throws {
        var rkeys: [String] = []
        for i in 0..<4 {
            let reply = try await client.procedure(
                "com.atproto.repo.createRecord",
                ["repo": .string(account.did), "collection": "app.bsky.feed.post", "record": post("post \(i)")],
                headers: account.auth)
            guard reply.status == .ok, let uri = try reply.json()["uri"]?.stringValue else {
                throw TestFailure("createRecord \(reply.status)")
            }
            rkeys.append(String(uri.split(separator: "/").last!))
        }
        let put = try await client.procedure(
            "com.atproto.repo.putRecord",
            ["repo": .string(account.did), "collection": "app.bsky.feed.post", "rkey": .string(rkeys[0]), "record": post("edited")],
            headers: account.auth)
        let delete = try await client.procedure(
            "com.atproto.repo.deleteRecord",
            ["repo": .string(account.did), "collection": "app.bsky.feed.post", "rkey": .string(rkeys[1])], headers: account.auth)
        guard put.status == .ok, delete.status == .ok else { throw TestFailure("put \(put.status) delete \(delete.status)") }
    }

    @Test func liveAndReplayedEventsArriveInOrderAndVerify() async throws {
        try await TestPDS.live { client, port, pds in
            let alice = try await RepoTest.account(pds), bob = try await RepoTest.account(pds)
            let start = pds.storage.sequencer.head
            let target = start + 12  // 2 accounts × (4 creates + 1 update + 1 delete)
            let live = FirehoseClient.subscribe(port: port) { $0.last?.seq == target }
            try await FirehoseClient.waitForSubscribers(pds, 1)
            async let a: Void = Self.writes(client, alice)
            async let b: Void = Self.writes(client, bob)
            _ = try await (a, b)
            #expect(pds.storage.sequencer.head == target)

            let liveSession = try await live.value
            #expect(liveSession.messages.compactMap(\.seq) == Array(start + 1...target))
            #expect(liveSession.messages.allSatisfy { $0.type == "#commit" })

            // Replay from 0: every event since the first. Each commit verifies from its own frame's
            // blocks, as a relay that keeps only each repo's previous data root checks it.
            let replay = try await FirehoseClient.subscribe(port: port, cursor: "0") { $0.last?.seq == target }.value
            #expect(replay.messages.compactMap(\.seq) == Array(1...target))
            let keys = [alice.did: alice.key.publicKey, bob.did: bob.key.publicKey]
            var actions: [String: Int] = [:]
            for message in replay.messages where message.type == "#commit" {
                let did = try #require(message.body["repo"]?.stringValue)
                try CommitFrameCheck.verify(message.body, key: try #require(keys[did]))
                if case .list(let ops)? = message.body["ops"] {
                    for op in ops { actions[op["action"]?.stringValue ?? "?", default: 0] += 1 }
                }
            }
            #expect(actions == ["create": 8, "update": 2, "delete": 2])
            // The live frames are byte-for-byte the replayed ones.
            let replayedTail = replay.messages.suffix(12).map { DagCBOR.encode($0.body) }
            #expect(liveSession.messages.map { DagCBOR.encode($0.body) } == Array(replayedTail))
        }
    }

    @Test func cursorRules() async throws {
        try await TestPDS.live { client, port, pds in
            let alice = try await RepoTest.account(pds)
            for i in 0..<3 {
                _ = try await client.procedure(
                    "com.atproto.repo.createRecord",
                    ["repo": .string(alice.did), "collection": "app.bsky.feed.post", "record": Self.post("p\(i)")],
                    headers: alice.auth)
            }
            let head = pds.storage.sequencer.head
            #expect(head == 4)

            // From the middle.
            let middle = try await FirehoseClient.subscribe(port: port, cursor: "\(head - 2)") { $0.last?.seq == head }.value
            #expect(middle.messages.compactMap(\.seq) == [head - 1, head])

            // In the future: an error frame, then close 1008 with the error's name.
            let future = try await Self.refusal(port, "?cursor=\(head + 10)")
            #expect(future.status == 101)
            #expect(try future.messages.map { try FirehoseMessage($0).error } == ["FutureCursor"])
            #expect(future.close?.code == 1008 && future.close?.reason == "FutureCursor")

            // Not a number.
            let bad = try await Self.refusal(port, "?cursor=-1")
            #expect(try bad.messages.map { try FirehoseMessage($0).error } == ["InvalidRequest"])
            #expect(bad.close?.code == 1008)

            // Outdated: the log was trimmed past the cursor. #info first, then the stream goes on.
            try pds.storage.trimEvents(before: Int64.max)
            let outdated = FirehoseClient.subscribe(port: port, cursor: "1") { $0.count == 2 }
            try await FirehoseClient.waitForSubscribers(pds, 1)
            _ = try await client.procedure(
                "com.atproto.repo.createRecord",
                ["repo": .string(alice.did), "collection": "app.bsky.feed.post", "record": Self.post("after trim")],
                headers: alice.auth)
            let session = try await outdated.value
            #expect(session.messages.first?.type == "#info")
            #expect(session.messages.first?.body["name"] == "OutdatedCursor")
            #expect(session.messages.last?.seq == head + 1)

            // A plain GET is not a subscription.
            let plain = try await client.query("com.atproto.sync.subscribeRepos")
            #expect(plain.status == .badRequest)
            #expect(try plain.json()["error"] == "InvalidRequest")
        }
    }

    /// A refused subscription, read byte by byte (`RawWebSocket`).
    static func refusal(_ port: Int, _ query: String) async throws -> RawWebSocket.Exchange {
        try await Task.detached {
            try RawWebSocket.exchange(port: port, path: "/xrpc/com.atproto.sync.subscribeRepos" + query)
        }.value
    }

    @Test func aSlowConsumerIsCutOffWhileAFastOneKeepsUp() async throws {
        try await TestPDS.live(["PDS_MAX_SUBSCRIPTION_BUFFER": "50"]) { _, port, pds in
            let alice = try await RepoTest.account(pds)
            let start = pds.storage.sequencer.head
            let count: UInt64 = 400
            let fast = FirehoseClient.subscribe(port: port) { $0.last?.seq == start + count }
            let slow = FirehoseClient.subscribe(port: port, timeout: .seconds(60), readDelay: .seconds(8)) {
                $0.last?.seq == start + count
            }
            try await FirehoseClient.waitForSubscribers(pds, 2)
            // ~40 KB per commit: 16 MB, more than the socket buffers between server and client hold.
            let text = String(repeating: "x", count: 40_000)
            try await pds.blocking {
                for i in 0..<count {
                    let record = try IPLDMap([
                        ("$type", "app.bsky.feed.post"), ("text", .string(text + "\(i)")), ("createdAt", "2026-11-25T00:00:00.000Z"),
                    ])
                    try pds.repos.write(did: alice.did, key: alice.key, [.create(collection: "app.bsky.feed.post", rkey: TIDClock.shared.next().description, record: record)])
                }
            }
            let fastSession = try await fast.value
            #expect(fastSession.messages.compactMap(\.seq) == Array(start + 1...start + count))
            let slowSession = try await slow.value
            #expect(slowSession.messages.compactMap(\.seq).count < Int(count))
            #expect(slowSession.messages.last?.seq != start + count)
            try await FirehoseClient.waitForSubscribers(pds, 0)
        }
    }

    @Test func aRestartKeepsNumberingAndReplaysFromDisk() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pds-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try await Self.runAndCount(dir: dir)
        let second = try await Self.runAndCount(dir: dir)
        #expect(second == first + 2)
    }

    /// Writes one commit on a fresh account (2 events: its genesis commit and the post), then
    /// replays everything from 0 (from disk, the ring being empty after a start) and returns the head.
    static func runAndCount(dir: String) async throws -> UInt64 {
        let head = Mutex<UInt64>(0)
        try await TestPDS.live(dir: dir) { client, port, pds in
            let account = try await RepoTest.account(pds)
            _ = try await client.procedure(
                "com.atproto.repo.createRecord",
                ["repo": .string(account.did), "collection": "app.bsky.feed.post", "record": Self.post("hello")],
                headers: account.auth)
            let last = pds.storage.sequencer.head
            let replay = try await FirehoseClient.subscribe(port: port, cursor: "0") { $0.last?.seq == last }.value
            #expect(replay.messages.compactMap(\.seq) == Array(1...last))
            head.withLock { $0 = last }
        }
        return head.withLock { $0 }
    }
}
