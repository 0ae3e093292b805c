// FirehoseTestSupport.swift: a live server on a loopback port and a real WebSocket subscriber.
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import NIOCore
import Server
import Synchronization

/// One decoded firehose message.
struct FirehoseMessage: Sendable {
    let header: IPLD
    let body: IPLD

    init(_ bytes: [UInt8]) throws {
        let split = try bytes.withUnsafeBytes { try DagCBOR.scan($0) }
        header = try DagCBOR.decode(Array(bytes[..<split]))
        body = try DagCBOR.decode(Array(bytes[split...]))
    }

    /// `#commit`, `#identity`, … (nil for error frames).
    var type: String? { header["t"]?.stringValue }
    /// The event's sequence number.
    var seq: UInt64? { if case .int(let s)? = body["seq"] { UInt64(s) } else { nil } }
    /// The error name of an `{op: -1}` frame.
    var error: String? { header["op"] == .int(-1) ? body["error"]?.stringValue : nil }
}

/// What a subscriber saw.
struct FirehoseSession: Sendable {
    var messages: [FirehoseMessage]
}

struct FirehoseTimeout: Error {}

enum FirehoseClient {
    /// Subscribes on `port` and collects messages until `done` says so (then closes), the server
    /// closes, or `timeout` passes (an error). With `readDelay`, it reads nothing for that long first.
    ///
    /// Now and then (under load) swift-websocket's client does not return from `connect` after its
    /// handler has ended; the server has closed by then (checked with an independent Python
    /// client). Three seconds after the handler ended, the messages are the answer. Tests that check
    /// close frames use `RawWebSocket`.
    static func subscribe(
        port: Int, cursor: String? = nil, timeout: Duration = .seconds(30), readDelay: Duration? = nil,
        until done: @escaping @Sendable ([FirehoseMessage]) -> Bool = { _ in false }
    ) -> Task<FirehoseSession, any Error> {
        Task { try await session(port: port, cursor: cursor, timeout: timeout, readDelay: readDelay, until: done) }
    }

    private static func session(
        port: Int, cursor: String?, timeout: Duration, readDelay: Duration?,
        until done: @escaping @Sendable ([FirehoseMessage]) -> Bool
    ) async throws -> FirehoseSession {
        let url = "ws://127.0.0.1:\(port)/xrpc/com.atproto.sync.subscribeRepos" + (cursor.map { "?cursor=\($0)" } ?? "")
        let seen = Seen()
        var logger = Logger(label: "firehose-test")
        logger.logLevel = .warning
        try await withThrowingTaskGroup(of: Void.self) { [logger] group in
            group.addTask {
                do {
                    try await WebSocketClient.connect(
                        url: url, configuration: .init(maxFrameSize: 1 << 24), logger: logger
                    ) { inbound, _, _ in
                        defer { seen.handlerEnded() }
                        if let readDelay { try await Task.sleep(for: readDelay) }
                        for try await message in inbound.messages(maxSize: 1 << 24) {
                            guard case .binary(let buffer) = message else { continue }
                            if done(seen.add(try FirehoseMessage(Array(buffer: buffer)))) { return }
                        }
                    }
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    // The connection broke off (the server gave up on it): what arrived is the answer.
                }
            }
            group.addTask {
                while !seen.ended { try await Task.sleep(for: .milliseconds(50)) }
                try await Task.sleep(for: .seconds(3))
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw FirehoseTimeout()
            }
            try await group.next()
            group.cancelAll()
        }
        return FirehoseSession(messages: seen.all)
    }

    /// Messages received so far, and whether the client's handler has ended.
    final class Seen: Sendable {
        private let messages = Mutex<[FirehoseMessage]>([])
        private let over = Mutex(false)
        /// Records that the handler ended.
        func handlerEnded() { over.withLock { $0 = true } }
        var ended: Bool { over.withLock { $0 } }
        /// Appends one and returns all.
        func add(_ m: FirehoseMessage) -> [FirehoseMessage] {
            messages.withLock { s in
                s.append(m)
                return s
            }
        }
        var all: [FirehoseMessage] { messages.withLock { $0 } }
    }

    /// Waits until the server counts `count` subscribers.
    static func waitForSubscribers(_ pds: PDS, _ count: Int) async throws {
        for _ in 0..<500 {
            if pds.storage.sequencer.stats().subscribers == count { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw FirehoseTimeout()
    }
}

extension TestPDS {
    /// Runs `body` against a whole server (HTTP and WebSocket, with its services) on a loopback port.
    /// With `dir`, the data directory is that one and is kept.
    static func live(
        _ extra: [String: String] = [:], dir given: String? = nil,
        _ body: @Sendable (any TestClientProtocol, Int, PDS) async throws -> Void
    ) async throws {
        let dir = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("pds-test-\(UUID().uuidString)").path
        defer { if given == nil { try? FileManager.default.removeItem(atPath: dir) } }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let env = environment(dir, ["PDS_PORT": "0", "PDS_BIND": "127.0.0.1"].merging(extra) { _, new in new })
        // The previous server on the same directory lets go of RocksDB when its last WebSocket
        // connection's handler is released, which can be a moment after it stopped: retry the
        // open for a few seconds (a real restart is a new process).
        var opened: PDS?
        for attempt in 0..<50 where opened == nil {
            do {
                opened = try await PDS.open(config: ServerConfig(environment: env), logger: logger)
            } catch StorageError.open where attempt < 49 {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        guard let pds = opened else { throw TestFailure("could not open \(dir)") }
        let app = PDSApplication.make(pds: pds)
        try await app.test(.live) { client in
            guard let port = client.port else { throw TestFailure("no port") }
            try await body(client, port, pds)
        }
    }
}

/// What a sync-1.1 relay checks of a `#commit` frame, knowing nothing of the repo but the
/// previous data root: the frame's own blocks must prove everything.
enum CommitFrameCheck {
    /// Checks the signature with `key`, that the new tree (from the frame's blocks alone) holds
    /// every op's CID, and that inverting the ops on it gives `prevData`.
    static func verify(_ body: IPLD, key: some PublicKey) throws {
        guard case .bytes(let car)? = body["blocks"], case .link(let commitCID)? = body["commit"],
            case .list(let opList)? = body["ops"]
        else { throw TestFailure("commit frame without blocks, commit or ops") }
        let slice = try CAR.read(car)
        guard slice.header.roots == [commitCID] else { throw TestFailure("CAR root is not the commit") }
        var blocks: [CID: [UInt8]] = [:]
        for block in slice.blocks { blocks[block.cid] = block.bytes }
        guard let commitBytes = blocks[commitCID] else { throw TestFailure("commit block missing") }
        let commit = try SignedCommit(decoding: commitBytes)
        guard commit.verify(with: key) else { throw TestFailure("bad signature") }
        guard body["rev"]?.stringValue == commit.unsigned.rev else { throw TestFailure("rev differs") }
        let source = MemoryBlockSource(blocks)
        let mst = MST(source: source, root: commit.unsigned.data)
        var ops: [RepoOp] = []
        for op in opList {
            guard let action = op["action"]?.stringValue.flatMap(RepoOp.Action.init), let path = op["path"]?.stringValue
            else { throw TestFailure("bad op") }
            let cid: CID? = if case .link(let c)? = op["cid"] { c } else { nil }
            let prev: CID? = if case .link(let c)? = op["prev"] { c } else { nil }
            guard try mst.get(path) == cid else { throw TestFailure("tree does not hold \(path) at its op CID") }
            ops.append(RepoOp(action: action, path: path, cid: cid, prev: prev))
        }
        if case .link(let prevData)? = body["prevData"] {
            _ = try MST.inversionProof(newRoot: commit.unsigned.data, previousRoot: prevData, ops: ops, source: source)
        }
    }
}
