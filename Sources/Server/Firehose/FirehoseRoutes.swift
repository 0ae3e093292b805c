// FirehoseRoutes.swift: com.atproto.sync.subscribeRepos over WebSocket.
// Book: docs/16-sequencer-and-firehose.md ("The endpoint").
import Engine
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// The WebSocket side of the server: `subscribeRepos` upgrades here.
public enum FirehoseRoutes {
    /// The endpoint's path.
    static let path = "/xrpc/com.atproto.sync.subscribeRepos"

    /// Decides WebSocket upgrades: `subscribeRepos` upgrades, every other path stays HTTP. (A
    /// closure rather than a WebSocket router: the router's context keeps a reference to itself
    /// through the handler it stores, which would keep every connection's context alive.)
    public static func shouldUpgrade(pds: PDS) -> @Sendable (HTTPRequest, any Channel, Logger) throws
        -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>>
    {
        { request, channel, _ in
            let target = (request.path ?? "").split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            guard target.first == Substring(path) else { return .dontUpgrade }
            // The only parameter; its value is digits when valid, so it needs no percent-decoding.
            let cursor = target.dropFirst().first?.split(separator: "&")
                .first { $0.hasPrefix("cursor=") }.map { String($0.dropFirst("cursor=".count)) }
            let socket = FirehoseSocket(channel: channel)
            return .upgrade([:]) { inbound, outbound, _ in await serve(pds: pds, query: cursor, socket, inbound, outbound) }
        }
    }

    /// The answer to a plain GET of the endpoint: it only speaks WebSocket.
    static func notUpgraded() throws -> Response {
        throw XRPCError.invalidRequest("subscribeRepos is a WebSocket subscription: connect with an Upgrade: websocket request")
    }

    /// Runs one subscription to its end.
    static func serve(
        pds: PDS, query cursor: String?, _ socket: FirehoseSocket, _ inbound: WebSocketInboundStream,
        _ outbound: WebSocketOutboundWriter
    ) async {
        let sequencer = pds.storage.sequencer
        sequencer.subscriberJoined()
        defer { sequencer.subscriberLeft() }
        let requested = cursor.map { UInt64($0) }
        if requested == .some(nil) {
            return await reject(socket, inbound, outbound, "InvalidRequest", "cursor must be a non-negative integer")
        }
        do {
            let retention = pds.config.firehoseRetention
            let start = try await pds.blocking {
                try FirehoseStart.resolve(
                    cursor: requested ?? nil, storage: pds.storage, retention: retention,
                    now: Datetime.now().microsecondsSinceEpoch / 1000)
            }
            guard case .after(let after, let outdated) = start else {
                return await reject(socket, inbound, outbound, "FutureCursor", "Cursor in the future.")
            }
            if outdated {
                let notice = EventFrame.info("OutdatedCursor", message: "Requested cursor exceeded limit. Possibly missing events")
                try await socket.send(frames: [notice])
            }
            let maxLag = UInt64(pds.config.maxSubscriptionLag)
            let progress = FirehoseSubscription.Progress(after)
            let subscription = FirehoseSubscription(pds: pds, socket: socket, maxLag: maxLag, progress: progress)
            let end = try await withThrowingTaskGroup(of: FirehoseSubscription.End?.self) { group in
                group.addTask { try await subscription.run(after: after) }
                group.addTask { try await FirehoseSubscription.watch(progress, sequencer: sequencer, maxLag: maxLag) }
                group.addTask {
                    for try await _ in inbound {}
                    return nil  // the subscriber closed
                }
                let first = try await group.next() ?? nil
                if first == .tooSlow {
                    // The sender may be waiting on a socket that does not drain: try to say why,
                    // then drop the connection (`close` does), which ends that wait.
                    await socket.close(
                        after: [EventFrame.error("ConsumerTooSlow", message: "Stream consumer too slow")], code: 1008,
                        reason: "ConsumerTooSlow")
                }
                group.cancelAll()
                return first
            }
            switch end {
            case .tooSlow?: break
            case .shutdown?: await socket.close(after: [], code: 1001, reason: "server shutting down")
            case nil: break
            }
        } catch {
            pds.logger.debug("firehose subscriber ended", metadata: ["error": "\(error)"])
        }
    }

    /// Refuses a subscription before it starts: an error frame, then close 1008 with the error's
    /// name, as the reference does. This one completes the close handshake (waits, up to two
    /// seconds, for the subscriber's close reply) before dropping the connection: a client that
    /// gets the upgrade, the error and the end of the stream all at once may otherwise stall
    /// (the Swift WebSocket client did, now and then, in the tests).
    static func reject(
        _ socket: FirehoseSocket, _ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
        _ name: String, _ message: String
    ) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await socket.send(frames: [EventFrame.error(name, message: message)])
                try? await outbound.close(.policyViolation, reason: name)
                do { for try await _ in inbound {} } catch {}
            }
            group.addTask { try? await Task.sleep(for: .seconds(2)) }
            await group.next()
            group.cancelAll()
        }
        socket.abort()
    }
}
