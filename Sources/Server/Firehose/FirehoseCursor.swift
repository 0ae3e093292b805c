// FirehoseCursor.swift: where a new subscriber starts, by the reference's cursor rules.
// Book: docs/16-sequencer-and-firehose.md ("Cursors").
import Engine

/// The start of a subscription, decided from its `cursor` parameter.
enum FirehoseStart: Equatable {
    /// Send events after this sequence number (preceded by `#info OutdatedCursor` if `outdated`).
    case after(UInt64, outdated: Bool)
    /// The cursor is past the last event: an error frame `FutureCursor`, then close.
    case future

    /// The start for `cursor`: none is live only; one inside the retention window replays from it;
    /// an older one (events after it were trimmed, or are older than the window) replays from the
    /// oldest event inside the window after an `OutdatedCursor` notice; one past the head is refused.
    static func resolve(cursor: UInt64?, storage: some RepoStorage, retention: Duration, now: Int64) throws -> FirehoseStart {
        let head = storage.sequencer.head
        guard let cursor else { return .after(head, outdated: false) }
        guard cursor <= head else { return .future }
        guard cursor < head else { return .after(cursor, outdated: false) }
        let windowStart = now - retention.components.seconds * 1000
        let first = try storage.firstEvent()
        let next = try storage.events(after: cursor, limit: 1).first
        let missing = first.map { cursor + 1 < $0.seq } ?? true
        guard missing || (next?.millis ?? now) < windowStart else { return .after(cursor, outdated: false) }
        // Skip events still stored but older than the window (the trimmer deletes them soon).
        var start = max(cursor, (first?.seq ?? head + 1) - 1)
        while let event = try storage.events(after: start, limit: 1).first, event.millis < windowStart { start = event.seq }
        return .after(start, outdated: true)
    }
}
