// BlobSweeper.swift: the service that deletes unreferenced blobs now and then. Book: docs/15-blobs.md ("Sweeping").
import Foundation
import Logging
import ServiceLifecycle

/// Runs `PDS.sweepBlobs()` every `interval` until the service group shuts down. The sweep's own
/// rules (in `RocksRepoStorage.sweepBlobs`) decide what goes; this only sets the pace.
public struct BlobSweeper: Service {
    /// The server.
    public let pds: PDS
    /// Time between sweeps.
    public let interval: Duration

    /// A sweeper (every minute by default).
    public init(pds: PDS, interval: Duration = .seconds(60)) {
        self.pds = pds
        self.interval = interval
    }

    /// Sweeps, sleeps, repeats; a failed sweep is logged and retried next time.
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let deleted = try await pds.sweepBlobs()
                if deleted > 0 { pds.logger.info("blob sweep", metadata: ["deleted": "\(deleted)"]) }
            } catch {
                pds.logger.error("blob sweep failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
