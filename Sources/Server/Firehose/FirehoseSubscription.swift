// FirehoseSubscription.swift: one subscribeRepos connection: replay from the log, then live from the ring.
// Book: docs/16-sequencer-and-firehose.md ("One subscriber").
import Engine
import Synchronization

/// Sends a subscriber every event after its cursor, in order, the same pre-encoded bytes every
/// subscriber gets.
///
/// It reads the ring while the events it needs are there, and the event log on disk (through the
/// storage thread pool) when it has fallen behind the ring or is replaying an old cursor. A
/// subscriber that has caught up once is *live*: if it then falls more than `maxLag` events
/// behind the head (because it reads too slowly), it is sent `ConsumerTooSlow` and closed. Lag
/// costs no memory here (the ring is shared), so the bound is about how stale a relay may get, not
/// about buffers. Each batch is written with one flush and awaited until it reaches the socket, so
/// at most one batch per subscriber is in flight; a socket that stays blocked is noticed by
/// `FirehoseSubscription.watch`, and the connection is closed.
struct FirehoseSubscription {
    let pds: PDS
    let socket: FirehoseSocket
    let maxLag: UInt64
    /// The last sequence number sent, and whether the subscriber has caught up, for `watch`.
    let progress: Progress

    /// Shared between the sender and the watchdog.
    final class Progress: Sendable {
        let cursor: Atomic<UInt64>
        let live = Atomic<Bool>(false)
        init(_ cursor: UInt64) { self.cursor = Atomic(cursor) }
    }

    /// Why a subscription ended.
    enum End: Equatable {
        /// The server is shutting down.
        case shutdown
        /// The subscriber lagged more than `maxLag` events.
        case tooSlow
    }

    /// Events read per step from the ring, and from disk.
    static let ringBatch = 512
    static let diskBatch = 2_000

    /// Sends events after `start` until the connection or the server goes away; returns why it ended.
    func run(after start: UInt64) async throws -> End {
        let sequencer = pds.storage.sequencer
        var cursor = start
        var batch: [SequencedFrame] = []
        batch.reserveCapacity(Self.diskBatch)
        while true {
            try Task.checkCancellation()
            let head = sequencer.head
            if cursor >= head {
                if sequencer.isClosed { return .shutdown }
                progress.live.store(true, ordering: .relaxed)
                await sequencer.waitForEvents(after: cursor)
                continue
            }
            if progress.live.load(ordering: .relaxed), head - cursor > maxLag { return .tooSlow }
            batch.removeAll(keepingCapacity: true)
            let next: UInt64
            if let last = sequencer.ring.read(after: cursor, limit: Self.ringBatch, into: &batch) {
                next = last
            } else {
                let from = cursor
                batch = try await pds.blocking { try pds.storage.events(after: from, limit: Self.diskBatch) }
                // A short read got everything up to the head (the rest were gaps).
                next = batch.count < Self.diskBatch ? max(head, batch.last?.seq ?? head) : batch[batch.count - 1].seq
            }
            var sent = 0
            while sent < batch.count {
                let chunk = batch[sent..<min(batch.count, sent + Self.ringBatch)]
                try await socket.send(chunk)
                sent += chunk.count
                progress.cursor.store(chunk[chunk.endIndex - 1].seq, ordering: .relaxed)
            }
            cursor = next
            progress.cursor.store(cursor, ordering: .relaxed)
        }
    }

    /// Returns `.tooSlow` once a live subscriber stays more than `maxLag` behind across two checks
    /// a second apart (its socket is not draining, so `run` is stuck in a write), or `.shutdown`.
    static func watch(_ progress: Progress, sequencer: Sequencer, maxLag: UInt64) async throws -> End {
        var strikes = 0
        while !sequencer.isClosed {
            try await Task.sleep(for: .seconds(1))
            let lag = sequencer.head &- progress.cursor.load(ordering: .relaxed)
            strikes = progress.live.load(ordering: .relaxed) && lag > maxLag && lag <= sequencer.head ? strikes + 1 : 0
            if strikes >= 2 { return .tooSlow }
        }
        return .shutdown
    }
}
