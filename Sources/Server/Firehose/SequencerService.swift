// SequencerService.swift: runs the sequencer's waker and trims the event log to its retention.
// Book: docs/16-sequencer-and-firehose.md ("Waking subscribers", "Retention").
import Engine
import Foundation
import Logging
import ServiceLifecycle

/// Wakes firehose subscribers as events are published, and every `trimInterval` deletes events
/// older than `PDS_FIREHOSE_RETENTION`. At shutdown it closes the sequencer, which ends every
/// subscription with a 1001 close.
public struct SequencerService: Service {
    /// The server.
    public let pds: PDS
    /// Time between trims.
    public let trimInterval: Duration

    /// A service (trimming every ten minutes by default).
    public init(pds: PDS, trimInterval: Duration = .seconds(600)) {
        self.pds = pds
        self.trimInterval = trimInterval
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        let sequencer = pds.storage.sequencer
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await sequencer.runWaker() }
                group.addTask { await trimLoop() }
                await group.next()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            sequencer.close()
        }
    }

    private func trimLoop() async {
        while !Task.isCancelled && !pds.storage.sequencer.isClosed {
            let cutoff = Datetime.now().microsecondsSinceEpoch / 1000 - pds.config.firehoseRetention.components.seconds * 1000
            do {
                let trimmed = try await pds.blocking { try pds.storage.trimEvents(before: cutoff) }
                if trimmed > 0 { pds.logger.info("event log trimmed", metadata: ["events": "\(trimmed)"]) }
            } catch {
                pds.logger.error("event log trim failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: trimInterval)
        }
    }
}
