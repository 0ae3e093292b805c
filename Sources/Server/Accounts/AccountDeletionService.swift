// AccountDeletionService.swift: finishes account deletions a crash or a failed step left pending.
// Book: docs/13-sessions-and-auth.md ("Deleting an account").
import Foundation
import ServiceLifecycle

/// At start, finishes every pending deletion (the server may have stopped in the middle of one);
/// then every `interval`, retries those that began more than `interval` ago (a step failed, such
/// as an unreachable PLC directory).
public struct AccountDeletionService: Service {
    /// The server.
    public let pds: PDS
    /// Time between retries.
    public let interval: Duration

    /// A service retrying every ten minutes by default.
    public init(pds: PDS, interval: Duration = .seconds(600)) {
        self.pds = pds
        self.interval = interval
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        await AccountDeletion.resumePending(pds)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            guard !Task.isCancelled && !Task.isShuttingDownGracefully else { break }
            let seconds = Double(interval.components.seconds)
            await AccountDeletion.resumePending(pds, before: Date().addingTimeInterval(-seconds))
        }
    }
}
