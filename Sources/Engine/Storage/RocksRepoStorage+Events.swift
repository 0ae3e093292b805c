// RocksRepoStorage+Events.swift: the event log in the `events` column family, keyed by sequence number.
// Book: docs/16-sequencer-and-firehose.md ("The event log").

extension RocksRepoStorage {
    /// Takes the next sequence number and puts the event's frame into `batch` under it.
    ///
    /// The number is taken under a short lock, but the batch is written after the lock is released,
    /// so concurrent commits keep their group commit; batches can therefore land slightly out of
    /// sequence order, and a failed write leaves a gap. Readers publish in sequence order.
    func addEvent(to batch: RocksWriteBatch, _ frame: (UInt64) -> [UInt8]) {
        let (seq, bytes) = nextSeq.withLock { next in
            let seq = next
            next += 1
            return (seq, frame(seq))
        }
        batch.put(eventsFamily, StorageKey.repo(seq), bytes)
    }

    /// Writes a non-commit event at the next sequence number.
    public func appendEvent(_ event: RepoEvent, time: String) throws(StorageError) -> UInt64 {
        let batch = RocksWriteBatch()
        var seq: UInt64 = 0
        addEvent(to: batch) { s in
            seq = s
            return event.frame(seq: s, time: time)
        }
        try db.write(batch)
        return seq
    }

    /// Up to `limit` events after `after`, in sequence order.
    public func events(after: UInt64, limit: Int) throws(StorageError) -> [(seq: UInt64, frame: [UInt8])] {
        guard limit > 0, after < UInt64.max else { return [] }
        let cursor = db.iterator(eventsFamily, lower: StorageKey.repo(after + 1))
        cursor.seek(StorageKey.repo(after + 1))
        var out: [(seq: UInt64, frame: [UInt8])] = []
        while cursor.isValid, out.count < limit {
            guard let seq = cursor.withKey({ $0.count == 8 ? StorageKey.readID($0) : nil }) else {
                throw .corruptValue(family: "events", reason: "key is not an 8-byte sequence number")
            }
            out.append((seq, cursor.value))
            cursor.next()
        }
        try cursor.check()
        return out
    }

    /// The highest sequence number handed out.
    public func lastSequence() throws(StorageError) -> UInt64 { nextSeq.withLock { $0 - 1 } }
}
