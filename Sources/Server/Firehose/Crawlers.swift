// Crawlers.swift: asks the relays in PDS_CRAWLERS to crawl this PDS.
// Book: docs/16-sequencer-and-firehose.md ("Relays").
import Engine
import Foundation
import Logging
import ServiceLifecycle

/// Sends `com.atproto.sync.requestCrawl` (`{"hostname": PDS_HOSTNAME}`) to every configured relay
/// once after start, and again whenever there are new events and the last request is at least
/// `interval` old (20 minutes, the reference's threshold). A relay that fails is logged and asked
/// again next time. Does nothing when `PDS_CRAWLERS` is empty.
public struct Crawlers: Service {
    /// The server.
    public let pds: PDS
    /// The least time between two rounds of requests.
    public let interval: Duration
    /// How often to look for new events.
    public let checkEvery: Duration

    /// A crawler notifier.
    public init(pds: PDS, interval: Duration = .seconds(20 * 60), checkEvery: Duration = .seconds(30)) {
        self.pds = pds
        self.interval = interval
        self.checkEvery = checkEvery
    }

    /// Notifies, then watches for new events until shutdown.
    public func run() async throws {
        // A service that returns ends the whole group: with nothing to do, wait for shutdown.
        guard !pds.config.crawlers.isEmpty else { return try await gracefulShutdown() }
        var notifiedAt = ContinuousClock.now
        var notifiedSeq = pds.storage.sequencer.head
        await notifyAll()
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: checkEvery) }
            let head = pds.storage.sequencer.head
            guard head > notifiedSeq, ContinuousClock.now - notifiedAt >= interval else { continue }
            notifiedAt = .now
            notifiedSeq = head
            await notifyAll()
        }
    }

    /// One round: every relay, concurrently.
    func notifyAll() async {
        let body = AtprotoJSON.encode(["hostname": .string(pds.config.hostname)])
        await withTaskGroup(of: Void.self) { group in
            for crawler in pds.config.crawlers {
                group.addTask {
                    let base = crawler.hasSuffix("/") ? String(crawler.dropLast()) : crawler
                    do {
                        let reply = try await HTTPFetch.send(
                            "POST", base + "/xrpc/com.atproto.sync.requestCrawl", json: body, timeout: 10, maxBytes: 64 << 10)
                        if reply.status / 100 != 2 {
                            pds.logger.warning("requestCrawl refused", metadata: ["crawler": "\(base)", "status": "\(reply.status)"])
                        }
                    } catch {
                        pds.logger.warning("requestCrawl failed", metadata: ["crawler": "\(base)", "error": "\(error)"])
                    }
                }
            }
        }
    }
}
